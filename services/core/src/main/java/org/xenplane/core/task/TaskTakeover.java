package org.xenplane.core.task;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;

/**
 * Finds the tasks that no live replica holds (their lease lapsed: the owner crashed, or its worker
 * ended without finishing them) and recovers them here, through the {@link TaskRecovery} of the
 * service that owns the operation. Any replica does it; two replicas never take the same task.
 */
@ApplicationScoped
public class TaskTakeover {
    private static final Logger LOG = Logger.getLogger(TaskTakeover.class);
    private static final int BATCH = 100;

    private final TaskStore store;
    private final TaskLeases leases;
    private final TaskRunner runner;

    public TaskTakeover(TaskStore store, TaskLeases leases, TaskRunner runner) {
        this.store = store;
        this.leases = leases;
        this.runner = runner;
    }

    @Scheduled(every = "${xenplane.tasks.takeover-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOver() {
        if (!leases.mayTakeOver()) {
            return;
        }
        DatabaseFailures.skippingOutage(() -> {
            for (TaskView orphan : store.takeOverOrphans(BATCH)) {
                LOG.infof("Task %s (%s%s) lost its owner; this replica recovers it", orphan.id(), orphan.operation(),
                        orphan.target() == null ? "" : " on " + orphan.target().objectClass() + " " + orphan.target().id());
                runner.recover(orphan);
            }
        });
    }
}
