package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/** Reads (and, for admission, locks) rows of the pool's {@code host} table. */
@ApplicationScoped
public class Hosts {
    static final String CLASS = "host";
    private static final String COLUMNS = "select id, name, daemon_url, live, enabled, memory_total from host";

    private final EntityManager em;

    public Hosts(EntityManager em) {
        this.em = em;
    }

    public Optional<HostRef> find(UUID id) {
        return first(em.createNativeQuery(COLUMNS + " where id = ?1").setParameter(1, id).getResultList());
    }

    /** The host, row-locked until the transaction ends: its liveness and reservations cannot change meanwhile. */
    public Optional<HostRef> lock(UUID id) {
        return first(em.createNativeQuery(COLUMNS + " where id = ?1 for update").setParameter(1, id).getResultList());
    }

    public HostRef require(UUID id) {
        return find(id).orElseThrow(() -> new XenplaneException(ErrorCode.HANDLE_INVALID, CLASS, id));
    }

    @SuppressWarnings("unchecked")
    private static Optional<HostRef> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(ref((Object[]) rows.get(0)));
    }

    private static HostRef ref(Object[] row) {
        return new HostRef((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3], (Boolean) row[4],
                ((Number) row[5]).longValue());
    }
}
