package org.xenplane.core.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;
import org.xenplane.core.config.CoreConfig;

/**
 * This replica's hold on the tasks it runs. Each replica has a random id, new at each start; a
 * task begun here is owned by it, with a lease ({@code xenplane.tasks.lease}) that is renewed
 * every {@code xenplane.tasks.lease-renew-interval} for as long as a worker here holds the task.
 * When the replica dies, or its worker ends without finishing the task, the lease lapses and
 * {@link TaskTakeover} (on any replica) recovers the task.
 *
 * <p>A replica that could not reach the database may find its own leases lapsed when it comes
 * back, at the same moment as every other replica: so no replica takes over others' tasks until
 * it has been connected for a whole lease period, by which time every live owner has renewed.
 */
@ApplicationScoped
public class TaskLeases {
    private static final Logger LOG = Logger.getLogger(TaskLeases.class);

    private final UUID replica = UUID.randomUUID();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final EntityManager em;
    private final Duration lease;
    private volatile long connectedSince = System.nanoTime();
    private volatile boolean connected = true;

    public TaskLeases(EntityManager em, CoreConfig.Tasks config) {
        this.em = em;
        this.lease = config.lease();
    }

    /** This replica's id: the owner of the tasks it begins. */
    public UUID replica() {
        return replica;
    }

    public Duration lease() {
        return lease;
    }

    /** A worker here runs the task: its lease is renewed until {@link #release}. */
    public void hold(UUID task) {
        held.add(task);
    }

    /** No worker here runs the task any more (finished or not). */
    public void release(UUID task) {
        held.remove(task);
    }

    /** The tasks workers here hold now. */
    public UUID[] held() {
        return held.toArray(new UUID[0]);
    }

    /** True once this replica has reached the database without a break for a whole lease period. */
    public boolean mayTakeOver() {
        return connected && System.nanoTime() - connectedSince >= lease.toNanos();
    }

    @Scheduled(every = "${xenplane.tasks.lease-renew-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        try {
            UUID[] tasks = held();
            if (tasks.length > 0) {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                                update task set lease_until = now() + make_interval(secs => ?1)
                                where id = any(?2) and owner = ?3 and status in ('PENDING', 'CANCELLING')""")
                        .setParameter(1, (double) lease.toMillis() / 1000).setParameter(2, tasks).setParameter(3, replica)
                        .executeUpdate());
            } else {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select 1").getSingleResult());
            }
            if (!connected) {
                connected = true;
                connectedSince = System.nanoTime();
                LOG.infof("Task leases renewed again; this replica takes over orphaned tasks from %s on", lease);
            }
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            if (connected) {
                LOG.warnf("Cannot renew the leases of %d tasks: the database is unavailable", held.size());
            }
            connected = false;
        }
    }
}
