package org.xenplane.core.invariant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * {@code TASK_STALE}: a task still {@code pending} (or {@code cancelling}) that no live replica
 * holds: its owner's lease has lapsed (the owner crashed, or its worker ended without finishing
 * it). {@code TaskTakeover} recovers such a task within a few seconds; one that stays here was not.
 */
@ApplicationScoped
public class StaleTasks implements InvariantCheck {
    static final String KIND = "TASK_STALE";

    private final EntityManager em;

    public StaleTasks(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Inconsistency> find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, operation, status, target_class, target_id, created_at, lease_until from task
                        where status in ('PENDING', 'CANCELLING') and coalesce(lease_until, '-infinity') < now()
                        order by created_at""")
                .getResultList();
        return rows.stream().map(StaleTasks::inconsistency).toList();
    }

    private static Inconsistency inconsistency(Object[] row) {
        String target = row[4] == null ? "" : " on " + row[3] + " " + row[4];
        String lease = row[6] == null ? "it has no owner" : "its owner's lease lapsed at " + row[6];
        return new Inconsistency(KIND, "task", (UUID) row[0], "task " + row[1] + target + " is still "
                + row[2].toString().toLowerCase() + " (since " + row[5] + ") but no live server works on it: " + lease);
    }
}
