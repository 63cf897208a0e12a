package org.xenplane.vm.recovery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;
import org.xenplane.core.task.EndedTasks;
import org.xenplane.core.task.TaskRecovery;
import org.xenplane.vm.service.VmOperation;

/**
 * VMs still marked busy by a task that has ended (or no longer exists): what a worker leaves when
 * its VM could not be written back (the database went away between its last steps) while its task
 * could. Each is settled as an orphaned task's VM is ({@link VmTaskRecovery#settle}): recorded as
 * its hosts report it, and freed.
 */
@ApplicationScoped
public class StaleClaims {
    private static final Logger LOG = Logger.getLogger(StaleClaims.class);

    private final EntityManager em;
    private final VmTaskRecovery recovery;

    StaleClaims(EntityManager em, VmTaskRecovery recovery) {
        this.em = em;
        this.recovery = recovery;
    }

    @Scheduled(every = "${xenplane.tasks.takeover-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settle() {
        DatabaseFailures.skippingOutage(() -> stale().forEach(this::settleRow));
    }

    private void settleRow(Object[] row) {
        UUID vmId = (UUID) row[0];
        UUID taskId = (UUID) row[1];
        VmOperation operation = VmTaskRecovery.operation((String) row[2], VmOperation::verb).orElse(VmOperation.UPDATE);
        try {
            recovery.settle(vmId, taskId, operation);
        } catch (TaskRecovery.NotYet e) {
            LOG.infof("VM %s is still held by ended task %s: %s", vmId, taskId, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> stale() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select v.id, v.current_task, v.current_operation from vm v left join task t on t.id = v.current_task
                where v.current_task is not null and """ + EndedTasks.ENDED_OR_GONE + " limit 100")
                .setParameter(1, EndedTasks.GRACE_SECONDS).getResultList());
    }
}
