package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdType;
import org.xenplane.storage.api.VbdCreate;
import org.xenplane.storage.api.VmDisksClone;
import org.xenplane.storage.model.VbdMode;

/**
 * The storage halves of VM clone, copy, snapshot and destroy: a VM's whole set of disks at
 * once. A clone that fails half-way removes the VBDs and VDIs it made.
 */
@ApplicationScoped
public class VmDisks {
    private static final Logger LOG = Logger.getLogger(VmDisks.class);

    private final VdiService vdis;
    private final VdiTransfers transfers;
    private final VbdService vbds;

    public VmDisks(VdiService vdis, VdiTransfers transfers, VbdService vbds) {
        this.vdis = vdis;
        this.transfers = transfers;
        this.vbds = vbds;
    }

    /** Gives {@code newVmId} a VBD for each VBD of {@code vmId}, on cloned, snapshotted or copied disks; answers the new VBDs. */
    public List<UUID> cloneVm(UUID vmId, UUID newVmId, VmDisksClone.Mode mode, UUID srId, TaskContext ctx) {
        if (vmId.equals(newVmId)) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "newVmId", "must differ from the VM being cloned");
        }
        List<Vbd> slots = QuarkusTransaction.requiringNew().call(() -> {
            if (Vbd.count("vmId", newVmId) > 0) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VbdOperation.CLONE_VM.id(), "the new VM has VBDs already");
            }
            return Vbd.<Vbd>list("vmId = ?1 order by userdevice", vmId);
        });
        List<UUID> newVdis = new ArrayList<>();
        List<UUID> newVbds = new ArrayList<>();
        try {
            int done = 0;
            for (Vbd slot : slots) {
                UUID vdi = slot.vdiId;
                if (slot.type == VbdType.DISK) {
                    String op = ctx.taskId() + "/" + slot.id;
                    vdi = switch (mode) {
                        case clone -> vdis.fork(slot.vdiId, null, false, ctx.taskId(), op);
                        case snapshot -> vdis.fork(slot.vdiId, null, true, ctx.taskId(), op);
                        case copy -> transfers.copy(slot.vdiId, srId, null, ctx);
                    };
                    newVdis.add(vdi);
                }
                VbdMode slotMode = mode == VmDisksClone.Mode.snapshot ? VbdMode.RO : slot.mode;
                newVbds.add(vbds.create(new VbdCreate(newVmId, vdi, slot.userdevice, slotMode, slot.type, slot.bootable)));
                ctx.progress((double) ++done / slots.size());
                ctx.checkCancelled();
            }
            return newVbds;
        } catch (RuntimeException e) {
            undo(newVbds, newVdis, ctx);
            throw e;
        }
    }

    /** Removes VBDs, then VDIs (files included), that a failed clone or provisioning made. */
    void undo(List<UUID> newVbds, List<UUID> newVdis, TaskContext ctx) {
        for (UUID vbd : newVbds) {
            try {
                vbds.destroy(vbd);
            } catch (RuntimeException e) {
                LOG.warnf("Could not remove VBD %s of a failed VM clone or provisioning: %s", vbd, e.getMessage());
            }
        }
        for (UUID vdi : newVdis) {
            try {
                vdis.destroy(vdi, ctx.taskId(), ctx.taskId() + "/undo/" + vdi);
            } catch (RuntimeException e) {
                LOG.warnf("Could not remove VDI %s of a failed VM clone or provisioning: %s", vdi, e.getMessage());
            }
        }
    }

    /** Destroys the VM's VBDs (none may be attached) and, with {@code destroyDisks}, its disks no other VM uses. */
    public void destroyVm(UUID vmId, boolean destroyDisks, TaskContext ctx) {
        List<Vbd> slots = QuarkusTransaction.requiringNew().call(() -> {
            List<Vbd> all = Vbd.list("vmId = ?1 order by userdevice", vmId);
            for (Vbd vbd : all) {
                VbdOperation.DESTROY.assertAllowed(vbd);
            }
            return all;
        });
        for (Vbd slot : slots) {
            vbds.destroy(slot.id);
            if (destroyDisks && slot.type == VbdType.DISK && slot.vdiId != null
                    && QuarkusTransaction.requiringNew().call(() -> Vbd.count("vdiId", slot.vdiId)) == 0) {
                vdis.destroy(slot.vdiId, ctx.taskId(), ctx.taskId() + "/" + slot.vdiId);
            }
        }
    }
}
