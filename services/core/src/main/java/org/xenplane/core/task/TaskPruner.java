package org.xenplane.core.task;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.xenplane.core.config.CoreConfig;

/** Forgets finished tasks after {@code xenplane.tasks.retention} (XenAPI keeps finished tasks a while too). */
@ApplicationScoped
public class TaskPruner {
    private final TaskStore store;
    private final Duration retention;

    public TaskPruner(TaskStore store, CoreConfig.Tasks config) {
        this.store = store;
        this.retention = config.retention();
    }

    @Scheduled(every = "${xenplane.tasks.prune-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        store.prune(retention.toSeconds());
    }
}
