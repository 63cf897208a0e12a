package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.storage.PoolStorage;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;

/**
 * The pool's default SR, kept in {@code storage_defaults}: read by the pool's view, set by
 * {@code PATCH /api/v1/pool}, set automatically to the first host's local storage, and used for a
 * disk that names no SR. Destroying the SR unsets it (the table's foreign key).
 */
@ApplicationScoped
public class DefaultSr implements PoolStorage {
    private final EntityManager em;

    public DefaultSr(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UUID> defaultSr() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("select default_sr from storage_defaults where id = 1").getResultList();
            return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of((UUID) rows.get(0));
        });
    }

    @Override
    public void setDefaultSr(UUID srId) {
        QuarkusTransaction.joiningExisting().run(() -> {
            Sr sr = Sr.findById(srId);
            if (sr == null) {
                throw new XenplaneException(ErrorCode.HANDLE_INVALID, Sr.CLASS, srId);
            }
            if (Pbd.count("srId = ?1 and currentlyAttached = true", srId) == 0) {
                throw new XenplaneException(ErrorCode.SR_HAS_NO_PBDS, srId);
            }
            em.createNativeQuery("update storage_defaults set default_sr = ?1 where id = 1")
                    .setParameter(1, srId).executeUpdate();
        });
    }

    /** Makes {@code srId} the default SR when none is set; answers whether it did. */
    public boolean offer(UUID srId) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "update storage_defaults set default_sr = ?1 where id = 1 and default_sr is null")
                .setParameter(1, srId).executeUpdate() == 1);
    }

    /** The SR of a disk that names {@code srId} or none: the default SR, else {@code 409 DEFAULT_SR_NOT_SET}. */
    public UUID resolve(UUID srId, String disk) {
        if (srId != null) {
            return srId;
        }
        return defaultSr().orElseThrow(() -> new XenplaneException(ErrorCode.DEFAULT_SR_NOT_SET, disk));
    }
}
