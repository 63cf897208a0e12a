package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.api.VbdCreate;
import org.xenplane.storage.api.VbdView;

/** VBD create and destroy, and CD insert and eject of detached drives. */
@ApplicationScoped
public class VbdService {
    private final StorageRecords records;
    private final StorageViews views;

    public VbdService(StorageRecords records, StorageViews views) {
        this.records = records;
        this.views = views;
    }

    public List<VbdView> list(UUID vmId, UUID vdiId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Vbd> vbds;
            if (vmId != null) {
                vbds = Vbd.list("vmId = ?1 order by userdevice", vmId);
            } else if (vdiId != null) {
                vbds = Vbd.list("vdiId = ?1 order by vmId, userdevice", vdiId);
            } else {
                vbds = Vbd.list("order by vmId, userdevice");
            }
            return vbds.stream().map(views::vbd).toList();
        });
    }

    public Vbd entity(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> records.vbd(id, LockModeType.NONE));
    }

    public VbdView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> views.vbd(records.vbd(id, LockModeType.NONE)));
    }

    /** vbd.create: answers the new VBD's id. */
    public UUID create(VbdCreate req) {
        VbdType type = req.type() == null ? VbdType.DISK : req.type();
        VbdMode mode = req.mode() != null ? req.mode() : type == VbdType.CD ? VbdMode.RO : VbdMode.RW;
        if (type == VbdType.DISK && req.vdiId() == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "vdiId", "a Disk needs a VDI; only a CD drive may be empty");
        }
        if (type == VbdType.CD && mode == VbdMode.RW) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "mode", "a CD drive is read-only");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (req.vdiId() != null) {
                Vdi vdi = records.vdi(req.vdiId(), LockModeType.PESSIMISTIC_READ);
                usable(vdi, mode);
                if (Vbd.count("vmId = ?1 and vdiId = ?2", req.vmId(), vdi.id) > 0) {
                    throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VbdOperation.CREATE.id(),
                            "the VM has this VDI in another slot");
                }
            }
            if (Vbd.count("vmId = ?1 and userdevice = ?2", req.vmId(), req.userdevice()) > 0) {
                throw new XenplaneException(ErrorCode.DEVICE_ALREADY_EXISTS, req.vmId(), req.userdevice());
            }
            Vbd vbd = new Vbd();
            vbd.id = UUID.randomUUID();
            vbd.vmId = req.vmId();
            vbd.vdiId = req.vdiId();
            vbd.userdevice = req.userdevice();
            vbd.device = Vbd.deviceName(req.userdevice());
            vbd.mode = mode;
            vbd.type = type;
            vbd.bootable = Boolean.TRUE.equals(req.bootable());
            vbd.empty = req.vdiId() == null;
            vbd.persist();
            records.publish(vbd, EventOperation.ADD);
            return vbd.id;
        });
    }

    /** Whether a VDI may go into a slot of this mode: managed, present, writable if RW. */
    static void usable(Vdi vdi, VbdMode mode) {
        if (!vdi.managed || vdi.missing) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VbdOperation.CREATE.id(),
                    vdi.missing ? "the VDI's volume is missing" : "a hidden base of a snapshot chain");
        }
        if (mode == VbdMode.RW && vdi.readOnly) {
            throw new XenplaneException(ErrorCode.VDI_READ_ONLY, vdi.id);
        }
    }

    public void destroy(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Vbd vbd = records.vbd(id, LockModeType.PESSIMISTIC_WRITE);
            VbdOperation.DESTROY.assertAllowed(vbd);
            records.publish(vbd, EventOperation.DEL);
            vbd.delete();
        });
    }
}
