package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.xenplane.core.storage.VmDisk;
import org.xenplane.core.vm.VmDomain;
import org.xenplane.core.vm.VmDomains;
import org.xenplane.storage.api.AttachedDisk;
import org.xenplane.storage.model.Vbd;

/**
 * A VBD plugged into, or unplugged from, a running VM (XenAPI {@code VBD.plug}, {@code VBD.unplug}),
 * and CD media changed in a running VM's drive: the storage half here (reserve and activate, or
 * release), the hypervisor half through the VM service ({@link VmDomains}). A plug the hypervisor
 * refuses releases the disk again; an unplug releases the disk only once the domain let it go.
 */
@ApplicationScoped
public class VbdHotplug {
    private final DiskAttachments attachments;
    private final StorageRecords records;
    private final VmDomains vms;

    public VbdHotplug(DiskAttachments attachments, StorageRecords records, VmDomains vms) {
        this.attachments = attachments;
        this.records = records;
        this.vms = vms;
    }

    public AttachedDisk plug(UUID vbdId, String operationId) {
        Vbd vbd = allowed(vbdId, VbdOperation.PLUG);
        UUID host = vms.residentHost(vbd.vmId).orElseThrow(() -> VmDomain.of(vms, vbd.vmId).noDomain());
        AttachedDisk disk = attachments.attach(null, vbdId, host, operationId).get(0);
        try {
            vms.plugDisk(vbd.vmId, host, StorageForVms.disk(disk));
        } catch (RuntimeException e) {
            attachments.detach(null, vbdId, operationId + "/undo");
            throw e;
        }
        return disk;
    }

    public void unplug(UUID vbdId, String operationId) {
        Vbd vbd = allowed(vbdId, VbdOperation.UNPLUG);
        vms.unplugDisk(vbd.vmId, vbd.attachedHostId, vbd.device);
        attachments.detach(null, vbdId, operationId);
    }

    /** CD insert: into the drive of a running VM, the domain gets the medium too (or the insert is undone). */
    public AttachedDisk insert(UUID vbdId, UUID vdiId, String operationId) {
        AttachedDisk disk = attachments.insert(vbdId, vdiId, operationId);
        UUID vm = vmOf(vbdId);
        if (disk.hostId() != null && runsOn(vm, disk.hostId())) {
            try {
                vms.changeMedium(vm, disk.hostId(), StorageForVms.disk(disk));
            } catch (RuntimeException e) {
                attachments.eject(vbdId, operationId + "/undo");
                throw e;
            }
        }
        return disk;
    }

    /** CD eject: from the drive of a running VM, the hypervisor lets the medium go first. */
    public void eject(UUID vbdId, String operationId) {
        Vbd vbd = allowed(vbdId, VbdOperation.EJECT);
        if (vbd.currentlyAttached && runsOn(vbd.vmId, vbd.attachedHostId)) {
            vms.changeMedium(vbd.vmId, vbd.attachedHostId, new VmDisk(vbd.id, vbd.device, true, true, null, null));
        }
        attachments.eject(vbdId, operationId);
    }

    /**
     * Whether the drive's VM runs on that host: only then has its domain a drive to change. (A drive
     * attached through the storage halves by a VM service in another process is that service's to change.)
     */
    private boolean runsOn(UUID vmId, UUID hostId) {
        return vms.residentHost(vmId).filter(hostId::equals).isPresent();
    }

    /** The VBD, if {@code operation} may run on it (and its VM's domain) now. */
    private Vbd allowed(UUID vbdId, VbdOperation operation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Vbd vbd = records.vbd(vbdId, LockModeType.NONE);
            operation.assertAllowed(vbd, VmDomain.of(vms, vbd.vmId));
            return vbd;
        });
    }

    private UUID vmOf(UUID vbdId) {
        return QuarkusTransaction.requiringNew().call(() -> records.vbd(vbdId, LockModeType.NONE).vmId);
    }
}
