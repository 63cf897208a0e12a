package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.storage.DiskProvision;
import org.xenplane.core.storage.VmDisk;
import org.xenplane.core.storage.VmStorage;
import org.xenplane.core.task.TaskContext;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;
import org.xenplane.storage.api.AttachedDisk;
import org.xenplane.storage.api.VmDisksClone;

/**
 * The storage service's answer to the VM service in the same process: core's {@link VmStorage}
 * over this library's attachments, moves and whole-VM disk operations, and its facts about a
 * VM's disks (placement's SR check, the admission's hold on the VBDs, attached disks), each in
 * the caller's transaction.
 */
@ApplicationScoped
public class StorageForVms implements VmStorage {
    private final DiskAttachments attachments;
    private final DiskMoves moves;
    private final VmDisks vmDisks;
    private final UnpluggedSrs unplugged;
    private final VbdHolds holds;
    private final AttachedDisks attached;
    private final VmProvisioning provisioning;

    public StorageForVms(DiskAttachments attachments, DiskMoves moves, VmDisks vmDisks, UnpluggedSrs unplugged,
                         VbdHolds holds, AttachedDisks attached, VmProvisioning provisioning) {
        this.provisioning = provisioning;
        this.attachments = attachments;
        this.moves = moves;
        this.vmDisks = vmDisks;
        this.unplugged = unplugged;
        this.holds = holds;
        this.attached = attached;
    }

    @Override
    public List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId) {
        return attachments.attach(vmId, null, hostId, operationId).stream().map(StorageForVms::disk).toList();
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        // The refusal is thrown outside the joined transaction: thrown through it, it would mark the
        // caller's transaction rollback-only, and placement catches it to try the next host.
        QuarkusTransaction.joiningExisting().call(() -> unplugged.firstOf(vmId, hostId)).ifPresent(sr -> {
            throw new XenplaneException(ErrorCode.SR_NOT_ATTACHED, sr, hostId);
        });
    }

    @Override
    public void holdDisksForAttach(UUID vmId) {
        holds.holdForAttach(vmId);
    }

    @Override
    public Set<UUID> vmsWithAttachedDisks(Collection<UUID> vmIds) {
        return attached.among(vmIds);
    }

    @Override
    public void detachDisks(UUID vmId, String operationId) {
        attachments.detach(vmId, null, operationId);
    }

    @Override
    public List<VmDisk> prepareMove(UUID vmId, UUID toHost, String operationId) {
        return moves.prepare(vmId, toHost, operationId).stream().map(StorageForVms::disk).toList();
    }

    @Override
    public void completeMove(UUID vmId, UUID toHost, String operationId) {
        moves.complete(vmId, toHost, operationId);
    }

    @Override
    public void abortMove(UUID vmId, UUID toHost, String operationId) {
        moves.abort(vmId, toHost, operationId);
    }

    @Override
    public void cloneDisks(UUID vmId, UUID newVmId, CloneMode mode, TaskContext context) {
        VmDisksClone.Mode how = switch (mode) {
            case CLONE -> VmDisksClone.Mode.clone;
            case SNAPSHOT -> VmDisksClone.Mode.snapshot;
            case COPY -> VmDisksClone.Mode.copy;
        };
        vmDisks.cloneVm(vmId, newVmId, how, null, context);
    }

    @Override
    public void provisionDisks(UUID vmId, List<DiskProvision> disks, TaskContext context) {
        provisioning.provision(vmId, disks, context);
    }

    @Override
    public void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context) {
        vmDisks.destroyVm(vmId, destroyDisks, context);
    }

    /** The hypervisor's view of an attached disk. */
    public static VmDisk disk(AttachedDisk d) {
        return new VmDisk(d.vbdId(), d.device(), d.mode() == VbdMode.RO, d.type() == VbdType.CD, d.path(), d.format());
    }
}
