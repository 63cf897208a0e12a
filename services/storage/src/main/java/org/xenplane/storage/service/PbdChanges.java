package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.storage.api.PbdView;
import org.xenplane.storage.model.Pbd;

/** Plugging and unplugging PBDs, each recorded as a task ({@link PbdService} does the work). */
@ApplicationScoped
public class PbdChanges {
    private final PbdService pbds;
    private final TaskRunner tasks;

    public PbdChanges(PbdService pbds, TaskRunner tasks) {
        this.pbds = pbds;
        this.tasks = tasks;
    }

    public TaskOutcome<PbdView> plug(UUID pbdId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(new TaskRequest(PbdOperation.PLUG, Pbd.CLASS, pbdId, idempotencyKey), caller, ctx -> {
            pbds.plug(pbdId, ctx);
            return TaskResult.of(Pbd.CLASS, pbdId);
        });
        return new TaskOutcome<>(task, pbds.get(pbdId));
    }

    public TaskOutcome<PbdView> unplug(UUID pbdId, String caller, String idempotencyKey) {
        TaskView task = tasks.run(new TaskRequest(PbdOperation.UNPLUG, Pbd.CLASS, pbdId, idempotencyKey), caller, ctx -> {
            pbds.unplug(pbdId, ctx);
            return TaskResult.of(Pbd.CLASS, pbdId);
        });
        return new TaskOutcome<>(task, pbds.get(pbdId));
    }
}
