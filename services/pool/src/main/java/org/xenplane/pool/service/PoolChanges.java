package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.pool.api.PoolUpdate;
import org.xenplane.pool.api.PoolView;
import org.xenplane.pool.model.Pool;

/** Changes to the pool record, recorded as tasks. */
@ApplicationScoped
public class PoolChanges {
    private final PoolService pool;
    private final TaskRunner tasks;

    public PoolChanges(PoolService pool, TaskRunner tasks) {
        this.pool = pool;
        this.tasks = tasks;
    }

    /** Changes the pool's name, description or other_config. */
    public TaskOutcome<PoolView> update(PoolUpdate update, String caller, String idempotencyKey) {
        PoolView current = pool.get();
        TaskView task = tasks.run(new TaskRequest(PoolOperation.UPDATE, Pool.CLASS, current.id(), idempotencyKey), caller,
                ctx -> {
                    pool.update(update);
                    return TaskResult.of(Pool.CLASS, current.id());
                });
        return new TaskOutcome<>(task, pool.get());
    }
}
