package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.DaemonTarget;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * The pool's hosts, read from the {@code host} table the pool service owns (read only, by plain
 * SQL: the storage service shares the database, not the pool's code).
 */
@ApplicationScoped
public class HostDirectory {
    private final EntityManager em;

    public HostDirectory(EntityManager em) {
        this.em = em;
    }

    /** The host's daemon, if the host exists and is live. */
    public DaemonTarget liveDaemon(UUID hostId) {
        List<?> rows = em.createNativeQuery("select daemon_url, live from host where id = ?1")
                .setParameter(1, hostId).getResultList();
        if (rows.isEmpty()) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, "host", hostId);
        }
        Object[] row = (Object[]) rows.get(0);
        if (!Boolean.TRUE.equals(row[1])) {
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, hostId);
        }
        return new DaemonTarget(hostId, (String) row[0]);
    }

    public boolean exists(UUID hostId) {
        return !em.createNativeQuery("select 1 from host where id = ?1").setParameter(1, hostId).getResultList().isEmpty();
    }

    public boolean isLive(UUID hostId) {
        return !em.createNativeQuery("select 1 from host where id = ?1 and live").setParameter(1, hostId)
                .getResultList().isEmpty();
    }

    /** Every host of the pool, by id. */
    @SuppressWarnings("unchecked")
    public List<UUID> all() {
        return (List<UUID>) em.createNativeQuery("select id from host order by name, id", UUID.class).getResultList();
    }
}
