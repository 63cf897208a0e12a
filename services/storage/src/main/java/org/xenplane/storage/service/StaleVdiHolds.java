package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;
import org.xenplane.core.task.EndedTasks;

/**
 * VDIs still held ({@code current_operation}) by a task that has ended or no longer exists: what a
 * copy, import or export leaves when its server crashed in the middle (the task itself is then
 * finished by the replica that takes it over, {@code TASK_OWNER_LOST}). The hold is released; the
 * destination of a copy that did not finish is half-written and is removed, volume and record.
 */
@ApplicationScoped
public class StaleVdiHolds {
    private static final Logger LOG = Logger.getLogger(StaleVdiHolds.class);

    private final EntityManager em;
    private final VdiTransfers transfers;

    StaleVdiHolds(EntityManager em, VdiTransfers transfers) {
        this.em = em;
        this.transfers = transfers;
    }

    @Scheduled(every = "${xenplane.tasks.takeover-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void release() {
        DatabaseFailures.skippingOutage(() -> stale().forEach(this::releaseRow));
    }

    private void releaseRow(Object[] row) {
        UUID vdi = (UUID) row[0];
        UUID task = (UUID) row[2];
        boolean partialCopy = "copy".equals(row[1]) && !vdi.equals(row[3]);
        LOG.warnf("VDI %s was still held by %s of task %s, which has ended; %s", vdi, row[1], task,
                partialCopy ? "it is a copy that did not finish and is removed" : "it is released");
        if (partialCopy) {
            transfers.discard((UUID) row[4], vdi, task + "/copy/recovery");
        } else {
            transfers.release(vdi);
        }
    }

    /** id, operation, task, the task's target, SR of each held VDI whose task ended. */
    @SuppressWarnings("unchecked")
    private List<Object[]> stale() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select v.id, v.current_operation, v.current_task, t.target_id, v.sr_id
                from vdi v left join task t on t.id = v.current_task
                where v.current_task is not null and """ + EndedTasks.ENDED_OR_GONE + " limit 100")
                .setParameter(1, EndedTasks.GRACE_SECONDS).getResultList());
    }
}
