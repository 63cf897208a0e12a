package org.xenplane.core.task;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Forgets finished tasks after {@code xenplane.tasks.retention} (XenAPI keeps finished tasks a while too). */
@ApplicationScoped
public class TaskPruner {
    private final TaskStore store;
    private final Duration retention;

    public TaskPruner(TaskStore store,
                      @ConfigProperty(name = "xenplane.tasks.retention", defaultValue = "P1D") Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    @Scheduled(every = "${xenplane.tasks.prune-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        store.prune(retention.toSeconds());
    }
}
