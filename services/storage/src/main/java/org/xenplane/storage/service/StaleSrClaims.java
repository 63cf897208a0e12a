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
 * SRs still marked ({@code current_operation}, {@link SrClaims}) by a task that has ended or no longer
 * exists: an sr.scan, pbd.plug, pbd.unplug or sr.destroy whose server crashed while the daemon worked
 * (the task is finished by the replica that takes it over, {@code TASK_OWNER_LOST}). The mark is
 * cleared. What the operation had recorded is safe as it stands: a scan records in steps that each
 * match the volumes, a PBD is recorded plugged only after the daemon attached it and unplugged before
 * it detaches (plug and unplug may be repeated), and an SR whose destroy did not finish is still
 * recorded (sr.forget removes it).
 */
@ApplicationScoped
public class StaleSrClaims {
    private static final Logger LOG = Logger.getLogger(StaleSrClaims.class);

    private final EntityManager em;
    private final SrClaims claims;

    StaleSrClaims(EntityManager em, SrClaims claims) {
        this.em = em;
        this.claims = claims;
    }

    @Scheduled(every = "${xenplane.tasks.takeover-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void release() {
        DatabaseFailures.skippingOutage(() -> stale().forEach(row -> {
            LOG.warnf("SR %s was still held by %s of task %s, which has ended; it is released", row[0], row[1], row[2]);
            claims.release((UUID) row[0], (UUID) row[2]);
        }));
    }

    /** id, operation and task of each SR whose claiming task ended. */
    @SuppressWarnings("unchecked")
    private List<Object[]> stale() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select s.id, s.current_operation, s.current_task
                from sr s left join task t on t.id = s.current_task
                where s.current_task is not null and """ + EndedTasks.ENDED_OR_GONE + " limit 100")
                .setParameter(1, EndedTasks.GRACE_SECONDS).getResultList());
    }
}
