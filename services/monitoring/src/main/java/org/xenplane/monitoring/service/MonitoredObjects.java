package org.xenplane.monitoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * Whether a host or VM exists. Their tables belong to the pool and VM services: read by SQL, never
 * through those services' code. A deployment without such a table knows no object of that class.
 */
@ApplicationScoped
public class MonitoredObjects {
    private final EntityManager em;

    public MonitoredObjects(EntityManager em) {
        this.em = em;
    }

    /** @throws XenplaneException {@code HANDLE_INVALID} when there is no such host or VM */
    public void require(String objectClass, UUID id) {
        if (!exists(objectClass, id)) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, objectClass, id);
        }
    }

    boolean exists(String objectClass, UUID id) {
        String table = switch (objectClass) {
            case "host" -> "host";
            case "vm" -> "vm";
            default -> throw new IllegalArgumentException(objectClass);
        };
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (em.createNativeQuery("select to_regclass('" + table + "') is not null").getSingleResult() != Boolean.TRUE) {
                return false;
            }
            return !em.createNativeQuery("select 1 from " + table + " where id = ?1").setParameter(1, id)
                    .getResultList().isEmpty();
        });
    }
}
