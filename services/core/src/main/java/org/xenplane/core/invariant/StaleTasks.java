package org.xenplane.core.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code TASK_STALE}: a task still {@code pending} (or {@code cancelling}) longer than
 * {@code xenplane.invariants.task-stale-after}. Tasks have no owner yet, so a task whose worker
 * died with its server cannot be told from a slow one: age stands in for "no live owner".
 */
@ApplicationScoped
public class StaleTasks implements InvariantCheck {
    static final String KIND = "TASK_STALE";

    private final EntityManager em;
    private final Duration staleAfter;

    public StaleTasks(EntityManager em, @ConfigProperty(name = "xenplane.invariants.task-stale-after") Duration staleAfter) {
        this.em = em;
        this.staleAfter = staleAfter;
    }

    @Override
    public List<Inconsistency> find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, operation, status, target_class, target_id, created_at from task
                        where status in ('PENDING', 'CANCELLING') and created_at < ?1 order by created_at""")
                .setParameter(1, Instant.now().minus(staleAfter)).getResultList();
        return rows.stream().map(StaleTasks::inconsistency).toList();
    }

    private static Inconsistency inconsistency(Object[] row) {
        String target = row[4] == null ? "" : " on " + row[3] + " " + row[4];
        return new Inconsistency(KIND, "task", (UUID) row[0], "task " + row[1] + target + " is still "
                + row[2].toString().toLowerCase() + " since " + row[5] + ", longer than xenplane.invariants.task-stale-after: "
                + "nothing may be working on it any more");
    }
}
