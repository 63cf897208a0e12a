package org.xenplane.core.daemon;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * The one reader of the pool's {@code host} table (owned by the pool service) for the services
 * that call daemons: read-only, by SQL, so that no service depends on the pool library. Reads
 * join the caller's transaction or run in their own.
 */
@ApplicationScoped
public class Hosts {
    /** The class name of a host in errors ({@code HANDLE_INVALID host <id>}). */
    public static final String CLASS = "host";
    private static final String COLUMNS = "select id, name, daemon_url, live, enabled, memory_total from host";

    private final EntityManager em;

    public Hosts(EntityManager em) {
        this.em = em;
    }

    public Optional<HostRef> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> first(
                em.createNativeQuery(COLUMNS + " where id = ?1").setParameter(1, id).getResultList()));
    }

    /** @throws XenplaneException {@code HANDLE_INVALID} when there is no such host */
    public HostRef require(UUID id) {
        return find(id).orElseThrow(() -> new XenplaneException(ErrorCode.HANDLE_INVALID, CLASS, id));
    }

    /**
     * The host whose daemon is to be called now.
     *
     * @throws XenplaneException {@code HANDLE_INVALID} when there is no such host, {@code HOST_OFFLINE} when it is not live
     */
    public HostRef liveDaemon(UUID id) {
        HostRef host = require(id);
        if (!host.live()) {
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, id);
        }
        return host;
    }

    /**
     * The host, row-locked until the caller's transaction ends (admission: its liveness and
     * reservations cannot change meanwhile). Needs a transaction.
     */
    public Optional<HostRef> lock(UUID id) {
        return first(em.createNativeQuery(COLUMNS + " where id = ?1 for update").setParameter(1, id).getResultList());
    }

    public boolean exists(UUID id) {
        return find(id).isPresent();
    }

    public boolean isLive(UUID id) {
        return find(id).map(HostRef::live).orElse(false);
    }

    /** Every host of the pool, by name. */
    public List<HostRef> all() {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(COLUMNS + " order by name, id")
                .getResultList().stream().map(r -> ref((Object[]) r)).toList());
    }

    /**
     * Every host's last received heartbeat and its age by the database clock (HA's liveness): one
     * read, no lock.
     */
    public List<HostHeartbeat> heartbeats() {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select id, name, last_heartbeat, cast(extract(epoch from (clock_timestamp() - last_heartbeat))"
                                + " * 1000 as bigint) from host order by name, id")
                .getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    return new HostHeartbeat((UUID) row[0], (String) row[1], instant(row[2]), ((Number) row[3]).longValue());
                }).toList());
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The ids of every host of the pool, by name. */
    public List<UUID> ids() {
        return all().stream().map(HostRef::id).toList();
    }

    private static Optional<HostRef> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(ref((Object[]) rows.get(0)));
    }

    private static HostRef ref(Object[] row) {
        return new HostRef((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3], (Boolean) row[4],
                ((Number) row[5]).longValue());
    }
}
