package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.api.AttachedDisk;

/**
 * Attaching a VM's disks on a host (the {@code VbdAttach} steps of a VM start) and detaching them
 * ({@code VbdDetach}). The rule "a read-write VDI is attached read-write to at most one running VM"
 * is decided in one transaction: the VDI rows (in id order) and then the VBD rows are locked, in
 * the one order of {@link DiskLocks} that VDI destroy, resize and copy take too, the other
 * attachments of each VDI are checked, and the VBDs are marked attached. Of two VMs starting with
 * the same VDI at once, the second waits for the first's lock and then finds the VDI in use. Only then are the volumes activated on the host;
 * an activation failure releases the reservation.
 */
@ApplicationScoped
public class DiskAttachments {
    private static final Logger LOG = Logger.getLogger(DiskAttachments.class);

    private final StorageDaemonClient daemon;
    private final Hosts hosts;
    private final StorageRecords records;
    private final DiskLocks locks;

    public DiskAttachments(StorageDaemonClient daemon, Hosts hosts, StorageRecords records, DiskLocks locks) {
        this.daemon = daemon;
        this.hosts = hosts;
        this.records = records;
        this.locks = locks;
    }

    private record Reserved(Vbd vbd, UUID srId) {
    }

    /** Attaches every VBD of the VM (or only {@code vbdId}) on the host; answers what the hypervisor opens. */
    public List<AttachedDisk> attach(UUID vmId, UUID vbdId, UUID hostId, String operationId) {
        HostRef[] host = new HostRef[1];
        List<Reserved> reserved = QuarkusTransaction.requiringNew().call(() -> {
            host[0] = hosts.liveDaemon(hostId);
            return reserve(vmId, vbdId, hostId);
        });
        List<AttachedDisk> disks = new ArrayList<>();
        try {
            for (Reserved r : reserved) {
                Vbd b = r.vbd();
                if (b.empty) {
                    disks.add(disk(b, hostId, null));
                } else {
                    disks.add(disk(b, hostId, daemon.activate(host[0], r.srId(), b.vdiId, operationId + "/" + b.id)));
                }
            }
        } catch (RuntimeException e) {
            detach(vmId, vbdId, operationId + "/undo");
            throw e;
        }
        return disks;
    }

    private List<Reserved> reserve(UUID vmId, UUID vbdId, UUID hostId) {
        DiskLocks.Locked locked = locks.lockVmDisks(vmId, vbdId);
        List<Reserved> reserved = new ArrayList<>();
        for (Vbd vbd : locked.vbds()) {
            if (vbd.currentlyAttached && !hostId.equals(vbd.attachedHostId)) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VbdOperation.ATTACH.id(),
                        "VBD " + vbd.device + " is attached on host " + vbd.attachedHostId);
            }
            Vdi vdi = vbd.vdiId == null ? null : locked.vdiOf(vbd);
            if (vdi != null) {
                check(vbd, vdi, hostId);
            }
            if (!vbd.currentlyAttached) {
                vbd.currentlyAttached = true;
                vbd.attachedHostId = hostId;
                records.publish(vbd, EventOperation.MOD);
                if (vdi != null) {
                    records.publish(vdi, EventOperation.MOD);
                }
            }
            reserved.add(new Reserved(vbd, vdi == null ? null : vdi.srId));
        }
        return reserved;
    }

    /** The rules for one VDI in one VBD on one host; the VDI row is locked. */
    void check(Vbd vbd, Vdi vdi, UUID hostId) {
        VbdService.usable(vdi, vbd.mode);
        if (vdi.currentOperation != null) {
            throw new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Vdi.CLASS, vdi.id, vdi.currentOperation);
        }
        Pbd pbd = Pbd.<Pbd>find("srId = ?1 and hostId = ?2", vdi.srId, hostId)
                .withLock(LockModeType.PESSIMISTIC_READ).firstResult();
        if (pbd == null || !pbd.currentlyAttached) {
            throw new XenplaneException(ErrorCode.SR_NOT_ATTACHED, vdi.srId, hostId);
        }
        if (vdi.sharable) {
            return;
        }
        List<Vbd> others = Vbd.list("vdiId = ?1 and currentlyAttached = true and vmId <> ?2", vdi.id, vbd.vmId);
        for (Vbd other : others) {
            if (vbd.mode == VbdMode.RW || other.mode == VbdMode.RW) {
                throw new XenplaneException(ErrorCode.VDI_IN_USE, vdi.id, other.vmId);
            }
        }
    }

    /** Detaches every attached VBD of the VM (or only {@code vbdId}); idempotent. */
    public List<UUID> detach(UUID vmId, UUID vbdId, String operationId) {
        List<Reserved> released = QuarkusTransaction.requiringNew().call(() -> {
            List<Vbd> vbds = vbdId != null
                    ? List.of(records.vbd(vbdId, LockModeType.PESSIMISTIC_WRITE))
                    : Vbd.<Vbd>find("vmId = ?1 and currentlyAttached = true order by userdevice", vmId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            List<Reserved> out = new ArrayList<>();
            for (Vbd vbd : vbds) {
                if (!vbd.currentlyAttached) {
                    continue;
                }
                UUID host = vbd.attachedHostId;
                vbd.currentlyAttached = false;
                vbd.attachedHostId = null;
                records.publish(vbd, EventOperation.MOD);
                if (vbd.vdiId != null) {
                    Vdi vdi = records.vdi(vbd.vdiId, LockModeType.NONE);
                    records.publish(vdi, EventOperation.MOD);
                    boolean stillUsedThere = Vbd.count("vdiId = ?1 and currentlyAttached = true and attachedHostId = ?2",
                            vbd.vdiId, host) > 0;
                    if (!stillUsedThere) {
                        Vbd copy = new Vbd();
                        copy.id = vbd.id;
                        copy.vdiId = vbd.vdiId;
                        copy.attachedHostId = host;
                        out.add(new Reserved(copy, vdi.srId));
                    }
                }
            }
            return out;
        });
        for (Reserved r : released) {
            deactivate(r.vbd().attachedHostId, r.srId(), r.vbd().vdiId, operationId + "/" + r.vbd().id);
        }
        return released.stream().map(r -> r.vbd().id).toList();
    }

    /** Releases a volume on a host, best effort: a failure is logged, the records are already right. */
    void deactivate(UUID hostId, UUID srId, UUID vdiId, String operationId) {
        try {
            HostRef host = QuarkusTransaction.requiringNew().call(() -> hosts.liveDaemon(hostId));
            daemon.deactivate(host, srId, vdiId, operationId);
        } catch (RuntimeException e) {
            LOG.warnf("Could not deactivate VDI %s on host %s: %s", vdiId, hostId, e.getMessage());
        }
    }

    static AttachedDisk disk(Vbd b, UUID hostId, VolumeInfo volume) {
        return new AttachedDisk(b.id, b.vdiId, b.device, b.userdevice, b.mode, b.type, b.bootable, b.empty, hostId,
                volume == null ? null : volume.path(), volume == null ? null : volume.format());
    }

    /** CD insert; into an attached drive, the medium is reserved and activated on the drive's host. */
    public AttachedDisk insert(UUID vbdId, UUID vdiId, String operationId) {
        Reserved r = QuarkusTransaction.requiringNew().call(() -> {
            Vdi vdi = records.vdi(vdiId, LockModeType.PESSIMISTIC_WRITE); // the one order: the VDI, then the VBD
            Vbd vbd = records.vbd(vbdId, LockModeType.PESSIMISTIC_WRITE);
            VbdOperation.INSERT.assertAllowed(vbd);
            vbd.vdiId = vdiId;
            vbd.empty = false;
            if (vbd.currentlyAttached) {
                check(vbd, vdi, vbd.attachedHostId);
            } else {
                VbdService.usable(vdi, vbd.mode);
            }
            records.publish(vbd, EventOperation.MOD);
            records.publish(vdi, EventOperation.MOD);
            return new Reserved(vbd, vdi.srId);
        });
        Vbd vbd = r.vbd();
        if (!vbd.currentlyAttached) {
            return disk(vbd, null, null);
        }
        try {
            HostRef host = QuarkusTransaction.requiringNew().call(() -> hosts.liveDaemon(vbd.attachedHostId));
            return disk(vbd, vbd.attachedHostId, daemon.activate(host, r.srId(), vdiId, operationId));
        } catch (RuntimeException e) {
            eject(vbdId, operationId + "/undo");
            throw e;
        }
    }

    /** CD eject; from an attached drive, the medium is released on the drive's host. */
    public void eject(UUID vbdId, String operationId) {
        Reserved r = QuarkusTransaction.requiringNew().call(() -> {
            Vbd vbd = records.vbd(vbdId, LockModeType.PESSIMISTIC_WRITE);
            VbdOperation.EJECT.assertAllowed(vbd);
            Vdi vdi = records.vdi(vbd.vdiId, LockModeType.NONE);
            Vbd before = new Vbd();
            before.vdiId = vbd.vdiId;
            before.attachedHostId = vbd.attachedHostId;
            vbd.vdiId = null;
            vbd.empty = true;
            records.publish(vbd, EventOperation.MOD);
            records.publish(vdi, EventOperation.MOD);
            return new Reserved(before, vdi.srId);
        });
        boolean stillUsedThere = r.vbd().attachedHostId != null && QuarkusTransaction.requiringNew().call(() ->
                Vbd.count("vdiId = ?1 and currentlyAttached = true and attachedHostId = ?2", r.vbd().vdiId,
                        r.vbd().attachedHostId) > 0);
        if (r.vbd().attachedHostId != null && !stillUsedThere) {
            deactivate(r.vbd().attachedHostId, r.srId(), r.vbd().vdiId, operationId);
        }
    }
}
