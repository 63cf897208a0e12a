package org.xenplane.core.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * Which SR of a VM's disks is not plugged on a host: read from the storage service's tables in
 * the shared store (placement asks it for every candidate host, so it stays one query, and a
 * VM service in another process answers it without a call).
 */
@ApplicationScoped
public class UnpluggedSrs {
    private final EntityManager em;
    private volatile boolean storageSchema;

    public UnpluggedSrs(EntityManager em) {
        this.em = em;
    }

    /** The first SR (by id) of the VM's disks without a plugged PBD on the host, if any. */
    public Optional<UUID> firstOf(UUID vmId, UUID hostId) {
        if (!storageSchema()) {
            return Optional.empty();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> unplugged = em.createNativeQuery("""
                            select distinct d.sr_id from vbd b join vdi d on d.id = b.vdi_id
                            where b.vm_id = ?1 and not exists (
                                select 1 from pbd p where p.sr_id = d.sr_id and p.host_id = ?2 and p.currently_attached)
                            order by d.sr_id""")
                    .setParameter(1, vmId).setParameter(2, hostId).setMaxResults(1).getResultList();
            return unplugged.stream().findFirst();
        });
    }

    /** Refuses with {@code SR_NOT_ATTACHED} when an SR of the VM's disks is not plugged on the host. */
    public void assertNoneFor(UUID vmId, UUID hostId) {
        firstOf(vmId, hostId).ifPresent(sr -> {
            throw new XenplaneException(ErrorCode.SR_NOT_ATTACHED, sr, hostId);
        });
    }

    private boolean storageSchema() {
        if (!storageSchema) {
            storageSchema = QuarkusTransaction.joiningExisting().call(() -> Boolean.TRUE.equals(
                    em.createNativeQuery("select to_regclass('vbd') is not null").getSingleResult()));
        }
        return storageSchema;
    }
}
