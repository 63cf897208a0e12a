package org.xenplane.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes events in the same transaction as the change they describe (an outbox).
 *
 * <p>Events collected during a transaction are inserted just before it commits, under a
 * transaction-scoped advisory lock. Ids therefore become visible in strictly increasing order:
 * once a reader sees id N, no transaction can still commit an id below N, so a token never
 * skips an event. The lock is held only from the insert to the commit. The same transaction
 * sends a {@code NOTIFY} that wakes waiting readers on every replica when it commits.
 *
 * <p>Several changes to one object in one transaction become one event carrying the final state.
 */
@ApplicationScoped
public class EventPublisher {
    static final String CHANNEL = "xenplane_events";
    private static final long LOCK_KEY = 0x58504556454e5453L; // "XPEVENTS"
    private static final Object RESOURCE_KEY = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager em;
    private final ObjectMapper json;

    public EventPublisher(TransactionSynchronizationRegistry transactions, EntityManager em, ObjectMapper json) {
        this.transactions = transactions;
        this.em = em;
        this.json = json;
    }

    /**
     * Records a change in the current transaction. The snapshot is taken just before commit,
     * so it shows the object's final state, version included.
     */
    public void publish(String objectClass, EventOperation operation, UUID objectId, Supplier<?> snapshot) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("events are published inside the transaction that makes the change");
        }
        Pending pending = (Pending) transactions.getResource(RESOURCE_KEY);
        if (pending == null) {
            // Join Hibernate's session to the transaction now: it may not register with the
            // transaction later, from inside our beforeCompletion.
            em.joinTransaction();
            pending = new Pending();
            transactions.putResource(RESOURCE_KEY, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.add(new PendingEvent(objectClass, operation, objectId, snapshot));
    }

    private record PendingEvent(String objectClass, EventOperation operation, UUID objectId, Supplier<?> snapshot) {
        String key() {
            return objectClass + "/" + objectId;
        }
    }

    private final class Pending implements Synchronization {
        private final Map<String, PendingEvent> byObject = new LinkedHashMap<>();

        void add(PendingEvent event) {
            PendingEvent earlier = byObject.get(event.key());
            if (earlier != null && event.operation() == EventOperation.MOD) {
                event = new PendingEvent(event.objectClass(), earlier.operation(), event.objectId(), event.snapshot());
            }
            byObject.put(event.key(), event);
        }

        @Override
        public void beforeCompletion() {
            if (byObject.isEmpty() || transactions.getRollbackOnly()) {
                return;
            }
            em.flush();
            em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
            for (PendingEvent e : byObject.values()) {
                String snapshot = writeJson(e.snapshot().get());
                // clock_timestamp(), not now(): the time of the commit, not of the transaction's start
                em.createNativeQuery("insert into event (id, object_class, operation, object_id, snapshot, created_at)"
                                + " values (nextval('event_id_seq'), ?1, ?2, ?3, cast(?4 as jsonb), clock_timestamp())")
                        .setParameter(1, e.objectClass())
                        .setParameter(2, e.operation().wireName())
                        .setParameter(3, e.objectId())
                        .setParameter(4, snapshot)
                        .executeUpdate();
            }
            em.createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult();
        }

        @Override
        public void afterCompletion(int status) {
            byObject.clear();
        }

        private String writeJson(Object snapshot) {
            try {
                return json.writeValueAsString(snapshot);
            } catch (Exception e) {
                throw new IllegalStateException("cannot serialise event snapshot", e);
            }
        }
    }
}
