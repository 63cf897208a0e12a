package org.xenplane.core.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which VMs have a disk that some VBD has attached now (to their own domain, or to another VM's that
 * shares it): the storage service snapshots and clones no attached disk (its {@code VdiOperation}),
 * so the VM service neither offers nor starts a snapshot or clone of such a VM. Read from the
 * storage service's tables in the shared store, one query for a whole list of VMs, like
 * {@link UnpluggedSrs}; without the storage schema no VM has disks.
 */
@ApplicationScoped
public class AttachedDisks {
    private final EntityManager em;
    private volatile boolean storageSchema;

    public AttachedDisks(EntityManager em) {
        this.em = em;
    }

    /** Those of {@code vmIds} with an attached disk (CD drives do not count: they are not forked). */
    public Set<UUID> among(Collection<UUID> vmIds) {
        if (vmIds.isEmpty() || !storageSchema()) {
            return Set.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> attached = em.createNativeQuery("""
                            select distinct b.vm_id from vbd b
                            where b.vm_id in (?1) and b.type = 'DISK'
                              and exists (select 1 from vbd a where a.vdi_id = b.vdi_id and a.currently_attached)""")
                    .setParameter(1, vmIds).getResultList();
            return new HashSet<>(attached);
        });
    }

    public boolean any(UUID vmId) {
        return !among(List.of(vmId)).isEmpty();
    }

    private boolean storageSchema() {
        if (!storageSchema) {
            storageSchema = QuarkusTransaction.joiningExisting().call(() -> Boolean.TRUE.equals(
                    em.createNativeQuery("select to_regclass('vbd') is not null").getSingleResult()));
        }
        return storageSchema;
    }
}
