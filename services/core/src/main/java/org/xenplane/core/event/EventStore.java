package org.xenplane.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/** Reads and prunes the event outbox. */
@ApplicationScoped
public class EventStore {
    private final EntityManager em;
    private final ObjectMapper json;

    public EventStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The newest committed event id (or, when every event was pruned, the horizon): the token of "now". */
    public long latestId() {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em.createNativeQuery(
                "select greatest((select coalesce(max(id), 0) from event), (select pruned_through from event_horizon))")
                .getSingleResult()).longValue());
    }

    /**
     * The events after {@code from} of the given classes (all when empty), at most {@code limit}.
     * The returned token is the last returned id when the batch is full, else the newest id seen,
     * so a client filtering on few classes does not rescan others' events.
     *
     * @throws XenplaneException {@code EVENTS_LOST} when events after {@code from} were pruned,
     *                           or when {@code from} is newer than anything this store issued
     */
    public EventBatch readAfter(long from, Collection<String> classes, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            long[] bounds = bounds();
            long prunedThrough = bounds[0];
            long issued = bounds[1];
            if (from < prunedThrough || from > issued) {
                throw new XenplaneException(ErrorCode.EVENTS_LOST, from, prunedThrough);
            }
            long newest = latestId();
            List<EventView> events = select(from, newest, classes, limit);
            long token = events.size() == limit ? events.get(events.size() - 1).id() : Math.max(from, newest);
            return new EventBatch(events, Long.toString(token));
        });
    }

    /**
     * Deletes events older than {@code maxAgeSeconds} and beyond the newest {@code keep}; tokens
     * older than what remains then get {@code EVENTS_LOST}.
     *
     * @return how many events were deleted
     */
    public int prune(long maxAgeSeconds, long keep) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number cutoff = (Number) em.createNativeQuery("""
                    select greatest(
                      coalesce((select max(id) from event where created_at < now() - make_interval(secs => ?1)), 0),
                      coalesce((select max(id) from event), 0) - ?2)
                    """).setParameter(1, maxAgeSeconds).setParameter(2, keep).getSingleResult();
            long through = cutoff.longValue();
            if (through <= 0) {
                return 0;
            }
            int deleted = em.createNativeQuery("delete from event where id <= ?1").setParameter(1, through).executeUpdate();
            em.createNativeQuery("update event_horizon set pruned_through = greatest(pruned_through, ?1)")
                    .setParameter(1, through).executeUpdate();
            return deleted;
        });
    }

    /** [pruned through, last id the sequence issued] */
    private long[] bounds() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select h.pruned_through, (select case when is_called then last_value else 0 end from event_id_seq)"
                        + " from event_horizon h").getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    @SuppressWarnings("unchecked")
    private List<EventView> select(long from, long through, Collection<String> classes, int limit) {
        String classFilter = classes.isEmpty() ? "" : " and object_class = any(cast(?3 as text[]))";
        var query = em.createNativeQuery("select id, object_class, operation, object_id, cast(snapshot as text), created_at"
                        + " from event where id > ?1 and id <= ?2" + classFilter + " order by id limit " + limit)
                .setParameter(1, from).setParameter(2, through);
        if (!classes.isEmpty()) {
            query.setParameter(3, "{" + String.join(",", classes) + "}");
        }
        List<Object[]> rows = query.getResultList();
        List<EventView> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new EventView(((Number) row[0]).longValue(), (String) row[1],
                    EventOperation.fromWireName((String) row[2]), (UUID) row[3], readJson((String) row[4]),
                    toInstant(row[5])));
        }
        return events;
    }

    private JsonNode readJson(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored event snapshot is not JSON", e);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
