package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.vm.api.VmCreate;
import org.xenplane.vm.api.VmView;
import org.xenplane.vm.model.Vm;

/**
 * The operations on VM records (create, destroy, clone and copy, snapshot, revert), each run as a
 * task that finishes in the request ({@link VmService} does the work). The power operations are
 * {@link StartOperations}', {@link ShutdownOperations}', {@link DomainOperations}' and
 * {@link MigrateOperation}'s.
 */
@ApplicationScoped
public class VmRecordOperations {
    private final VmService vms;
    private final TaskRunner tasks;

    public VmRecordOperations(VmService vms, TaskRunner tasks) {
        this.vms = vms;
        this.tasks = tasks;
    }

    /** Creates a VM; on a replayed key, the VM the original call made. */
    public TaskOutcome<VmView> create(VmCreate request, String caller, String idempotencyKey) {
        AtomicReference<VmView> created = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(VmOperation.CREATE, Vm.CLASS, null, idempotencyKey), caller, ctx -> {
            created.set(vms.create(request, ctx));
            return TaskResult.of(Vm.CLASS, created.get().id());
        });
        return made(task, created.get());
    }

    public TaskView destroy(UUID vmId, boolean destroyDisks, String caller, String idempotencyKey) {
        return tasks.run(request(VmOperation.DESTROY, vmId, idempotencyKey), caller, ctx -> {
            vms.destroy(vmId, destroyDisks, ctx);
            return TaskResult.NONE;
        });
    }

    /** A clone or a full copy ({@code operation}) of a halted VM or a template; answers the new VM. */
    public TaskOutcome<VmView> copy(UUID vmId, String name, VmOperation operation, String caller, String idempotencyKey) {
        AtomicReference<VmView> made = new AtomicReference<>();
        TaskView task = tasks.run(request(operation, vmId, idempotencyKey), caller, ctx -> {
            made.set(vms.copy(vmId, name, operation, ctx));
            return TaskResult.of(Vm.CLASS, made.get().id());
        });
        return made(task, made.get());
    }

    public TaskOutcome<VmView> snapshot(UUID vmId, String name, String caller, String idempotencyKey) {
        AtomicReference<VmView> made = new AtomicReference<>();
        TaskView task = tasks.run(request(VmOperation.SNAPSHOT, vmId, idempotencyKey), caller, ctx -> {
            made.set(vms.snapshot(vmId, name, ctx));
            return TaskResult.of(Vm.CLASS, made.get().id());
        });
        return made(task, made.get());
    }

    public TaskOutcome<VmView> revert(UUID vmId, UUID snapshotId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VmOperation.REVERT, vmId, idempotencyKey), caller, ctx -> {
            vms.revert(vmId, snapshotId, ctx);
            return TaskResult.of(Vm.CLASS, vmId);
        });
        return new TaskOutcome<>(task, vms.get(vmId));
    }

    /** The new VM with its task; on a replayed key, the VM the original call made. */
    private TaskOutcome<VmView> made(TaskView task, VmView made) {
        return new TaskOutcome<>(task, made != null ? made : vms.get(task.result().id()));
    }

    private static TaskRequest request(VmOperation operation, UUID vmId, String idempotencyKey) {
        return new TaskRequest(operation, Vm.CLASS, vmId, idempotencyKey);
    }
}
