package org.xenplane.ha.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xenplane.ha.model.DeadHost;
import org.xenplane.ha.model.HaSettings;
import org.xenplane.ha.model.PendingRestart;

/** The SQL on the ha service's own tables; every method joins the caller's transaction. */
@ApplicationScoped
public class HaStore {
    private final EntityManager em;

    public HaStore(EntityManager em) {
        this.em = em;
    }

    public HaSettings settings(boolean forUpdate) {
        Object[] r = (Object[]) em.createNativeQuery("select enabled, timeout_seconds, host_failures_to_tolerate, "
                + "allow_overcommit, peer_token, enabled_at, version from ha_config where id = 1"
                + (forUpdate ? " for update" : "")).getSingleResult();
        return new HaSettings((Boolean) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (Boolean) r[3],
                (String) r[4], instant(r[5]), ((Number) r[6]).longValue());
    }

    public void enable(int timeoutSeconds, int hostFailuresToTolerate, String peerToken) {
        em.createNativeQuery("update ha_config set enabled = true, timeout_seconds = ?1, host_failures_to_tolerate = ?2, "
                        + "peer_token = ?3, enabled_at = clock_timestamp(), version = version + 1 where id = 1")
                .setParameter(1, timeoutSeconds).setParameter(2, hostFailuresToTolerate).setParameter(3, peerToken)
                .executeUpdate();
    }

    /** HA off: the token is forgotten, and so are the dead hosts and the restarts still to do. */
    public void disable() {
        em.createNativeQuery("update ha_config set enabled = false, peer_token = null, enabled_at = null, "
                + "version = version + 1 where id = 1").executeUpdate();
        em.createNativeQuery("delete from ha_dead_host").executeUpdate();
        em.createNativeQuery("delete from ha_restart").executeUpdate();
    }

    public void allowOvercommit(boolean allow) {
        em.createNativeQuery("update ha_config set allow_overcommit = ?1, version = version + 1 where id = 1")
                .setParameter(1, allow).executeUpdate();
    }

    /**
     * Takes or renews the monitor lease for {@code owner}; answers how long, in milliseconds by the
     * database clock, this owner has held it without a break, or -1 when another replica holds it.
     */
    public long holdMonitorLease(UUID owner, long leaseMillis) {
        List<?> rows = em.createNativeQuery("""
                        update ha_monitor set
                            active_since = case when owner = ?1 and lease_until > clock_timestamp() then active_since
                                                else clock_timestamp() end,
                            owner = ?1,
                            lease_until = clock_timestamp() + ?2 * interval '1 millisecond'
                        where id = 1 and (owner is null or owner = ?1 or lease_until < clock_timestamp())
                        returning cast(extract(epoch from (clock_timestamp() - active_since)) * 1000 as bigint)""")
                .setParameter(1, owner).setParameter(2, leaseMillis).getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).longValue();
    }

    /** Lets the lease go (at shutdown), so another replica takes over without waiting for it to run out. */
    public void releaseMonitorLease(UUID owner) {
        em.createNativeQuery("update ha_monitor set owner = null, lease_until = null where id = 1 and owner = ?1")
                .setParameter(1, owner).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<DeadHost> deadHosts() {
        List<Object[]> rows = em.createNativeQuery(
                "select host_id, declared_at, last_heartbeat, vms_reset from ha_dead_host").getResultList();
        return rows.stream().map(r -> new DeadHost((UUID) r[0], instant(r[1]), instant(r[2]), (Boolean) r[3])).toList();
    }

    public void declareDead(UUID hostId, Instant lastHeartbeat) {
        em.createNativeQuery("""
                        insert into ha_dead_host (host_id, declared_at, last_heartbeat, vms_reset)
                        values (?1, clock_timestamp(), ?2, false)
                        on conflict (host_id) do update set declared_at = excluded.declared_at,
                            last_heartbeat = excluded.last_heartbeat, vms_reset = false""")
                .setParameter(1, hostId).setParameter(2, lastHeartbeat).executeUpdate();
    }

    public void vmsReset(UUID hostId) {
        em.createNativeQuery("update ha_dead_host set vms_reset = true where host_id = ?1").setParameter(1, hostId)
                .executeUpdate();
    }

    public void alive(UUID hostId) {
        em.createNativeQuery("delete from ha_dead_host where host_id = ?1").setParameter(1, hostId).executeUpdate();
    }

    /** Queues the VM's restart unless it is queued already. */
    public void queueRestart(UUID vmId, UUID failedHost, String priority) {
        em.createNativeQuery("""
                        insert into ha_restart (vm_id, failed_host, priority) values (?1, ?2, ?3)
                        on conflict (vm_id) do nothing""")
                .setParameter(1, vmId).setParameter(2, failedHost).setParameter(3, priority).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<PendingRestart> pendingRestarts() {
        List<Object[]> rows = em.createNativeQuery("select vm_id, failed_host, priority, queued_at, attempts, last_error, "
                + "reported from ha_restart order by queued_at, vm_id").getResultList();
        return rows.stream().map(r -> new PendingRestart((UUID) r[0], (UUID) r[1], (String) r[2], instant(r[3]),
                ((Number) r[4]).intValue(), (String) r[5], (Boolean) r[6])).toList();
    }

    public void attempted(UUID vmId, String error, boolean reported) {
        em.createNativeQuery("update ha_restart set attempts = attempts + 1, last_error = ?2, reported = reported or ?3 "
                        + "where vm_id = ?1")
                .setParameter(1, vmId).setParameter(2, error).setParameter(3, reported).executeUpdate();
    }

    public void restartDone(UUID vmId) {
        em.createNativeQuery("delete from ha_restart where vm_id = ?1").setParameter(1, vmId).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
