package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.storage.DiskProvision;
import org.xenplane.core.task.TaskContext;
import org.xenplane.storage.api.VbdCreate;
import org.xenplane.storage.api.VdiCreate;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;

/**
 * The storage half of making a VM from a template (XAPI's {@code VM.provision}): a new empty qcow2
 * disk (made by the daemon's qemu-img, like any {@code vdi.create}) and a read-write VBD per disk the
 * template lists, on its SR or the pool's default SR. A failure half-way removes the VBDs and disks
 * made so far (their files too) before it passes on.
 */
@ApplicationScoped
public class VmProvisioning {
    private final VdiService vdis;
    private final VbdService vbds;
    private final VmDisks vmDisks;
    private final DefaultSr defaults;

    public VmProvisioning(VdiService vdis, VbdService vbds, VmDisks vmDisks, DefaultSr defaults) {
        this.vdis = vdis;
        this.vbds = vbds;
        this.vmDisks = vmDisks;
        this.defaults = defaults;
    }

    public void provision(UUID vmId, List<DiskProvision> disks, TaskContext ctx) {
        if (disks.isEmpty()) {
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> Vbd.count("vmId", vmId)) > 0) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VbdOperation.CREATE.id(), "the VM has VBDs already");
        }
        List<UUID> newVdis = new ArrayList<>();
        List<UUID> newVbds = new ArrayList<>();
        try {
            for (DiskProvision disk : disks) {
                UUID sr = defaults.resolve(disk.srId(), disk.name());
                UUID vdi = vdis.create(new VdiCreate(sr, disk.name(), "", disk.virtualSize(), null, false, false),
                        ctx.taskId(), ctx.taskId() + "/provision/" + disk.userdevice());
                newVdis.add(vdi);
                newVbds.add(vbds.create(new VbdCreate(vmId, vdi, disk.userdevice(), VbdMode.RW, VbdType.DISK, disk.bootable())));
                ctx.progress((double) newVbds.size() / disks.size());
                ctx.checkCancelled();
            }
        } catch (RuntimeException e) {
            vmDisks.undo(newVbds, newVdis, ctx);
            throw e;
        }
    }
}
