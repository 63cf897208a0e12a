package org.xenplane.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.api.BondCreate;
import org.xenplane.network.api.BondView;
import org.xenplane.network.model.Bond;

/** Creating and destroying bonds, each recorded as a task ({@link BondService} does the work). */
@ApplicationScoped
public class BondChanges {
    private final BondService bonds;
    private final TaskRunner tasks;

    public BondChanges(BondService bonds, TaskRunner tasks) {
        this.bonds = bonds;
        this.tasks = tasks;
    }

    /** Bonds NICs of one host; on a replayed key, the bond the original call made. */
    public TaskOutcome<BondView> create(BondCreate request, String caller, String idempotencyKey) {
        AtomicReference<BondView> created = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(BondOperation.CREATE, Bond.CLASS, null, idempotencyKey), caller, ctx -> {
            created.set(bonds.create(request, ctx.taskId().toString()));
            return TaskResult.of(Bond.CLASS, created.get().id());
        });
        return new TaskOutcome<>(task, created.get() != null ? created.get() : bonds.get(task.result().id()));
    }

    public TaskView destroy(UUID bondId, String caller, String idempotencyKey) {
        return tasks.run(new TaskRequest(BondOperation.DESTROY, Bond.CLASS, bondId, idempotencyKey), caller, ctx -> {
            bonds.destroy(bondId, ctx.taskId(), ctx.taskId().toString());
            return TaskResult.NONE;
        });
    }
}
