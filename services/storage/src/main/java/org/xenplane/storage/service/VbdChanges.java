package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.storage.api.AttachedDisk;
import org.xenplane.storage.api.VbdCreate;
import org.xenplane.storage.api.VbdView;
import org.xenplane.storage.model.Vbd;

/** The operations on one VBD, each recorded as a task ({@link VbdService}, {@link DiskAttachments} and {@link VbdHotplug} do the work). */
@ApplicationScoped
public class VbdChanges {
    private static final String VM = "vm";

    private final VbdService vbds;
    private final DiskAttachments attachments;
    private final VbdHotplug hotplug;
    private final TaskRunner tasks;

    public VbdChanges(VbdService vbds, DiskAttachments attachments, VbdHotplug hotplug, TaskRunner tasks) {
        this.vbds = vbds;
        this.attachments = attachments;
        this.hotplug = hotplug;
        this.tasks = tasks;
    }

    public TaskOutcome<VbdView> create(VbdCreate body, String caller, String idempotencyKey) {
        TaskView task = tasks.run(new TaskRequest(VbdOperation.CREATE, VM, body.vmId(), idempotencyKey), caller,
                ctx -> TaskResult.of(Vbd.CLASS, vbds.create(body)));
        return new TaskOutcome<>(task, vbds.get(task.result().id()));
    }

    public TaskView destroy(UUID vbdId, String caller, String idempotencyKey) {
        return tasks.run(request(VbdOperation.DESTROY, vbdId, idempotencyKey), caller, ctx -> {
            vbds.destroy(vbdId);
            return TaskResult.NONE;
        });
    }

    /** Reserves the VBD's VDI for its VM and activates it on the host; answers what the hypervisor opens. */
    public AttachedDisk attach(UUID vbdId, UUID hostId, String caller, String idempotencyKey) {
        AtomicReference<AttachedDisk> disk = new AtomicReference<>();
        tasks.run(request(VbdOperation.ATTACH, vbdId, idempotencyKey), caller, ctx -> {
            VbdOperation.ATTACH.assertAllowed(vbds.entity(vbdId));
            disk.set(attachments.attach(null, vbdId, hostId, ctx.taskId().toString()).get(0));
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return disk.get();
    }

    public TaskOutcome<VbdView> detach(UUID vbdId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VbdOperation.DETACH, vbdId, idempotencyKey), caller, ctx -> {
            VbdOperation.DETACH.assertAllowed(vbds.entity(vbdId));
            attachments.detach(null, vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return new TaskOutcome<>(task, vbds.get(vbdId));
    }

    public AttachedDisk plug(UUID vbdId, String caller, String idempotencyKey) {
        AtomicReference<AttachedDisk> disk = new AtomicReference<>();
        tasks.run(request(VbdOperation.PLUG, vbdId, idempotencyKey), caller, ctx -> {
            disk.set(hotplug.plug(vbdId, ctx.taskId().toString()));
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return disk.get();
    }

    public TaskOutcome<VbdView> unplug(UUID vbdId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VbdOperation.UNPLUG, vbdId, idempotencyKey), caller, ctx -> {
            hotplug.unplug(vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return new TaskOutcome<>(task, vbds.get(vbdId));
    }

    public AttachedDisk insert(UUID vbdId, UUID vdiId, String caller, String idempotencyKey) {
        AtomicReference<AttachedDisk> disk = new AtomicReference<>();
        tasks.run(request(VbdOperation.INSERT, vbdId, idempotencyKey), caller, ctx -> {
            disk.set(hotplug.insert(vbdId, vdiId, ctx.taskId().toString()));
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return disk.get();
    }

    public TaskOutcome<VbdView> eject(UUID vbdId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VbdOperation.EJECT, vbdId, idempotencyKey), caller, ctx -> {
            hotplug.eject(vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return new TaskOutcome<>(task, vbds.get(vbdId));
    }

    private static TaskRequest request(VbdOperation operation, UUID vbdId, String idempotencyKey) {
        return new TaskRequest(operation, Vbd.CLASS, vbdId, idempotencyKey);
    }
}
