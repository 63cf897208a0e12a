package org.xenplane.core.task;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.core.security.UndeclaredErrors;

/**
 * {@code xenplane_task_duration_seconds{operation,status}}: how long tasks take, from creation to
 * their end, by declared operation and outcome (success, failure, cancelled); and a failed task's
 * code held to its operation's declaration ({@link UndeclaredErrors}).
 */
@ApplicationScoped
public class TaskMetrics {
    static final String DURATION = "xenplane.task.duration";

    private final MeterRegistry registry;
    private final OperationCatalog catalog;
    private final UndeclaredErrors undeclared;

    public TaskMetrics(MeterRegistry registry, OperationCatalog catalog, UndeclaredErrors undeclared) {
        this.registry = registry;
        this.catalog = catalog;
        this.undeclared = undeclared;
    }

    /** Records a finished task (one that is not finished, or has no times, is ignored). */
    public void finished(TaskView task) {
        if (task == null || !task.status().finished() || task.createdAt() == null || task.finishedAt() == null) {
            return;
        }
        Duration took = Duration.between(task.createdAt(), task.finishedAt());
        Timer.builder(DURATION).description("Time from a task's creation to its end")
                .tag("operation", task.operation()).tag("status", task.status().wireName())
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
        if (task.error() != null) {
            catalog.find(task.operation()).ifPresent(op -> undeclared.answered(op, ErrorCode.valueOf(task.error().code())));
        }
    }
}
