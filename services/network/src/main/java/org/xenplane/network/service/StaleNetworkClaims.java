package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;
import org.xenplane.core.task.EndedTasks;

/**
 * Networks, PIFs and VIFs still marked ({@link NetworkClaims}) by a task that has ended or no longer
 * exists: an operation whose server crashed while it waited for a host (the task is finished by the
 * replica that takes it over, {@code TASK_OWNER_LOST}). The mark is cleared; the records are right as
 * they stand, since each operation records its outcome only after the host did the work (a bridge
 * removed from a host whose network, VLAN or bond is still recorded is made again when a VM needs it,
 * and the operation can be repeated).
 */
@ApplicationScoped
public class StaleNetworkClaims {
    private static final Logger LOG = Logger.getLogger(StaleNetworkClaims.class);

    private final EntityManager em;

    StaleNetworkClaims(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${xenplane.tasks.takeover-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void release() {
        DatabaseFailures.skippingOutage(() -> NetworkClaims.TABLES.forEach(this::release));
    }

    @SuppressWarnings("unchecked")
    private void release(String table) {
        List<Object[]> released = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update %1$s x set current_operation = null, current_task = null
                from %1$s s left join task t on t.id = s.current_task
                where x.id = s.id and s.current_task is not null and %2$s
                returning x.id, s.current_operation, s.current_task""".formatted(table, EndedTasks.ENDED_OR_GONE))
                .setParameter(1, EndedTasks.GRACE_SECONDS).getResultList());
        released.forEach(row -> LOG.warnf("%s %s was still held by %s of task %s, which has ended; it is released",
                table, row[0], row[1], row[2]));
    }
}
