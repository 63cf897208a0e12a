package org.xenplane.core.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The VM side of "one rule for disks in use": the transaction that admits an operation which will
 * attach a VM's disks (start, resume) share-locks the VM's VBD rows in the storage service's
 * tables of the shared store, as {@link UnpluggedSrs} reads them. An operation that needs a disk
 * free (VDI destroy, resize, copy) locks the VDI and then its VBD rows for update and only then
 * asks whether the VBDs' VMs are attaching them ({@code VmRuntime.attachingDisks}); so it either
 * ran entirely before the admission (a destroyed disk's VBD is gone when the start attaches) or
 * sees the VM's operation and is refused. Nothing here waits for another lock than these rows.
 */
@ApplicationScoped
public class VbdHolds {
    private final EntityManager em;
    private volatile boolean storageSchema;

    public VbdHolds(EntityManager em) {
        this.em = em;
    }

    /** Share-locks the VM's VBD rows, in id order, for the rest of the caller's transaction. */
    public void holdForAttach(UUID vmId) {
        if (!storageSchema()) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery(
                        "select id from vbd where vm_id = ?1 order by id for share")
                .setParameter(1, vmId).getResultList());
    }

    private boolean storageSchema() {
        if (!storageSchema) {
            storageSchema = QuarkusTransaction.joiningExisting().call(() -> Boolean.TRUE.equals(
                    em.createNativeQuery("select to_regclass('vbd') is not null").getSingleResult()));
        }
        return storageSchema;
    }
}
