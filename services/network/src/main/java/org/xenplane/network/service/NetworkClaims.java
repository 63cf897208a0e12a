package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.network.model.Network;
import org.xenplane.network.model.Pif;
import org.xenplane.network.model.Vif;

/**
 * The mark ({@code current_operation}, {@code current_task}) of a network, PIF or VIF while an
 * operation waits for a host with no transaction open: set in the short transaction that admits the
 * operation (the object's row locked there), cleared after the transaction that records the outcome.
 * What the row lock used to serialise by staying held around the daemon call is refused meanwhile
 * with {@code 409 OTHER_OPERATION_IN_PROGRESS}: another operation on the object, a VIF or PIF joining
 * a network being destroyed, a VLAN on a bond being destroyed. A mark left by a task that ended is
 * cleared by {@link StaleNetworkClaims}.
 */
@ApplicationScoped
public class NetworkClaims {
    /** The tables whose rows take marks; each object's class name is its table's name. */
    static final List<String> TABLES = List.of(Network.CLASS, Pif.CLASS, Vif.CLASS);

    private final EntityManager em;

    public NetworkClaims(EntityManager em) {
        this.em = em;
    }

    /** In the caller's transaction, which has the row locked: marks it, or refuses while another operation has. */
    public void claim(String objectClass, UUID id, String operation, UUID task) {
        assertFree(objectClass, id);
        em.flush();
        em.createNativeQuery("update " + table(objectClass) + " set current_operation = ?2, current_task = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, operation).setParameter(3, task).executeUpdate();
    }

    /** Refuses ({@code OTHER_OPERATION_IN_PROGRESS}) while an operation has the object marked. */
    public void assertFree(String objectClass, UUID id) {
        List<?> marked = em.createNativeQuery("select current_operation from " + table(objectClass)
                        + " where id = ?1 and current_operation is not null").setParameter(1, id).getResultList();
        if (!marked.isEmpty()) {
            throw new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, objectClass, id, marked.get(0));
        }
    }

    /** Clears the mark in a transaction of its own, if {@code task} set it (a row that is gone has none). */
    public void release(String objectClass, UUID id, UUID task) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update " + table(objectClass)
                        + " set current_operation = null, current_task = null where id = ?1 and current_task = ?2")
                .setParameter(1, id).setParameter(2, task).executeUpdate());
    }

    private static String table(String objectClass) {
        if (!TABLES.contains(objectClass)) {
            throw new IllegalArgumentException("no marks on " + objectClass);
        }
        return objectClass;
    }
}
