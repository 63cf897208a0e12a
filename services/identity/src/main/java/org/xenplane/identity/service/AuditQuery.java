package org.xenplane.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xenplane.identity.api.AuditView;

/** Reads the audit log, newest first, with optional filters. */
@ApplicationScoped
public class AuditQuery {
    private final EntityManager em;

    public AuditQuery(EntityManager em) {
        this.em = em;
    }

    /** The filters; null means any. */
    public record Filter(String subject, String operation, String outcome, Instant since, Instant until) {
    }

    @SuppressWarnings("unchecked")
    public List<AuditView> find(Filter filter, int limit, int offset) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("subject = :subject", filter.subject());
            where.put("operation = :operation", filter.operation());
            where.put("outcome = :outcome", filter.outcome());
            where.put("at >= :since", filter.since());
            where.put("at < :until", filter.until());
            StringBuilder sql = new StringBuilder("select id, at, subject, caller_kind, source, operation, target, outcome,"
                    + " http_status, error_code from audit where true");
            where.forEach((clause, value) -> {
                if (value != null) {
                    sql.append(" and ").append(clause);
                }
            });
            Query query = em.createNativeQuery(sql.append(" order by id desc limit :limit offset :offset").toString());
            where.forEach((clause, value) -> {
                if (value != null) {
                    query.setParameter(clause.substring(clause.indexOf(':') + 1), value);
                }
            });
            query.setParameter("limit", limit).setParameter("offset", offset);
            List<AuditView> views = new ArrayList<>();
            for (Object[] r : (List<Object[]>) query.getResultList()) {
                views.add(new AuditView(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(), (String) r[9]));
            }
            return views;
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
