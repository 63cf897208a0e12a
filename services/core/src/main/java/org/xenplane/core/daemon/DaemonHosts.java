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
 * Reads the pool's hosts (the {@code host} table, owned by the pool service) for services that
 * call daemons: read-only, through SQL, so that no service depends on the pool library.
 */
@ApplicationScoped
public class DaemonHosts {
    private final EntityManager em;

    public DaemonHosts(EntityManager em) {
        this.em = em;
    }

    public Optional<HostEndpoint> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select id, name, daemon_url, live from host where id = ?1", Object[].class)
                .setParameter(1, id).getResultList().stream().map(DaemonHosts::row).findFirst());
    }

    /** @throws XenplaneException {@code HANDLE_INVALID} when there is no such host */
    public HostEndpoint get(UUID id) {
        return find(id).orElseThrow(() -> new XenplaneException(ErrorCode.HANDLE_INVALID, "host", id));
    }

    /** Every host of the pool, by name. */
    public List<HostEndpoint> all() {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select id, name, daemon_url, live from host order by name, id", Object[].class)
                .getResultList().stream().map(DaemonHosts::row).toList());
    }

    private static HostEndpoint row(Object r) {
        Object[] row = (Object[]) r;
        return new HostEndpoint((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3]);
    }
}
