package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.storage.api.AttachedDisk;
import org.xenplane.storage.api.VbdView;
import org.xenplane.storage.api.VmDisksClone;

/**
 * The storage halves of the VM service's operations when it calls over REST (start, stop,
 * migration, clone, destroy), each recorded as a task on the VM.
 */
@ApplicationScoped
public class VmDiskCalls {
    private static final String VM = "vm";

    private final VbdService vbds;
    private final DiskAttachments attachments;
    private final DiskMoves moves;
    private final VmDisks vmDisks;
    private final TaskRunner tasks;

    public VmDiskCalls(VbdService vbds, DiskAttachments attachments, DiskMoves moves, VmDisks vmDisks, TaskRunner tasks) {
        this.vbds = vbds;
        this.attachments = attachments;
        this.moves = moves;
        this.vmDisks = vmDisks;
        this.tasks = tasks;
    }

    /** Attaches all of the VM's disks on the host; answers them by userdevice. */
    public List<AttachedDisk> attachVm(UUID vmId, UUID hostId, String caller, String idempotencyKey) {
        AtomicReference<List<AttachedDisk>> disks = new AtomicReference<>();
        tasks.run(request(VbdOperation.ATTACH_VM, vmId, idempotencyKey), caller, ctx -> {
            disks.set(attachments.attach(vmId, null, hostId, ctx.taskId().toString()));
            return TaskResult.NONE;
        });
        return disks.get();
    }

    /** Detaches all of the VM's disks; answers its VBDs. */
    public TaskOutcome<List<VbdView>> detachVm(UUID vmId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VbdOperation.DETACH_VM, vmId, idempotencyKey), caller, ctx -> {
            attachments.detach(vmId, null, ctx.taskId().toString());
            return TaskResult.NONE;
        });
        return new TaskOutcome<>(task, vbds.list(vmId, null));
    }

    /** One step of moving the VM's disks to another host; {@code prepare} answers the disks on the destination. */
    public List<AttachedDisk> moveVm(UUID vmId, UUID hostId, String step, String caller, String idempotencyKey) {
        List<AttachedDisk> disks = new ArrayList<>();
        tasks.run(request(VbdOperation.MOVE_VM, vmId, idempotencyKey), caller, ctx -> {
            String op = ctx.taskId().toString();
            switch (step) {
                case "prepare" -> disks.addAll(moves.prepare(vmId, hostId, op));
                case "complete" -> moves.complete(vmId, hostId, op);
                default -> moves.abort(vmId, hostId, op);
            }
            return TaskResult.NONE;
        });
        return disks;
    }

    /** Starts giving the new VM the VM's disks (the pending task, with progress). */
    public TaskView cloneVm(UUID vmId, UUID newVmId, VmDisksClone.Mode mode, UUID srId, String caller, String idempotencyKey) {
        return tasks.submit(request(VbdOperation.CLONE_VM, vmId, idempotencyKey), caller, ctx -> {
            vmDisks.cloneVm(vmId, newVmId, mode, srId, ctx);
            return TaskResult.of(VM, newVmId);
        });
    }

    /** Destroys the VM's VBDs and, with {@code destroyDisks}, its disks no other VM uses. */
    public TaskView destroyVm(UUID vmId, boolean destroyDisks, String caller, String idempotencyKey) {
        return tasks.run(request(VbdOperation.DESTROY_VM, vmId, idempotencyKey), caller, ctx -> {
            vmDisks.destroyVm(vmId, destroyDisks, ctx);
            return TaskResult.NONE;
        });
    }

    private static TaskRequest request(VbdOperation operation, UUID vmId, String idempotencyKey) {
        return new TaskRequest(operation, VM, vmId, idempotencyKey);
    }
}
