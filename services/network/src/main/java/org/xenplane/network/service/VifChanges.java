package org.xenplane.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.api.VifCreate;
import org.xenplane.network.api.VifView;
import org.xenplane.network.model.Vif;

/** Creating, destroying, plugging and unplugging VIFs, each recorded as a task ({@link VifService} does the work). */
@ApplicationScoped
public class VifChanges {
    private final VifService vifs;
    private final TaskRunner tasks;

    public VifChanges(VifService vifs, TaskRunner tasks) {
        this.vifs = vifs;
        this.tasks = tasks;
    }

    /** Creates a VIF; on a replayed key, the VIF the original call made. */
    public TaskOutcome<VifView> create(VifCreate request, String caller, String idempotencyKey) {
        AtomicReference<VifView> created = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(VifOperation.CREATE, Vif.CLASS, null, idempotencyKey), caller, ctx -> {
            created.set(vifs.create(request));
            return TaskResult.of(Vif.CLASS, created.get().id());
        });
        return new TaskOutcome<>(task, created.get() != null ? created.get() : vifs.get(task.result().id()));
    }

    public TaskView destroy(UUID vifId, String caller, String idempotencyKey) {
        return tasks.run(request(VifOperation.DESTROY, vifId, idempotencyKey), caller, ctx -> {
            vifs.destroy(vifId);
            return TaskResult.NONE;
        });
    }

    public TaskOutcome<VifView> plug(UUID vifId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VifOperation.PLUG, vifId, idempotencyKey), caller, ctx -> {
            vifs.plug(vifId, ctx.taskId());
            return TaskResult.of(Vif.CLASS, vifId);
        });
        return new TaskOutcome<>(task, vifs.get(vifId));
    }

    public TaskOutcome<VifView> unplug(UUID vifId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(VifOperation.UNPLUG, vifId, idempotencyKey), caller, ctx -> {
            vifs.unplug(vifId, ctx.taskId());
            return TaskResult.of(Vif.CLASS, vifId);
        });
        return new TaskOutcome<>(task, vifs.get(vifId));
    }

    private static TaskRequest request(VifOperation operation, UUID vifId, String idempotencyKey) {
        return new TaskRequest(operation, Vif.CLASS, vifId, idempotencyKey);
    }
}
