package org.xenplane.core.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;

/**
 * The {@link VmStorage} of a process without the storage service and without
 * {@code xenplane.storage.url}: a VM without VBDs needs nothing of storage, so every call
 * succeeds for it; for a VM with VBDs every call fails with {@code STORAGE_SERVICE_UNAVAILABLE}
 * before anything is changed.
 */
public class StorageNotInProcess implements VmStorage {
    private final EntityManager em;

    public StorageNotInProcess(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId) {
        refuseIfDisks(vmId);
        return List.of();
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        refuseIfDisks(vmId);
    }

    @Override
    public void detachDisks(UUID vmId, String operationId) {
        refuseIfDisks(vmId);
    }

    @Override
    public List<VmDisk> prepareMove(UUID vmId, UUID toHost, String operationId) {
        refuseIfDisks(vmId);
        return List.of();
    }

    @Override
    public void completeMove(UUID vmId, UUID toHost, String operationId) {
        refuseIfDisks(vmId);
    }

    @Override
    public void abortMove(UUID vmId, UUID toHost, String operationId) {
        refuseIfDisks(vmId);
    }

    @Override
    public void cloneDisks(UUID vmId, UUID newVmId, CloneMode mode, TaskContext context) {
        refuseIfDisks(vmId);
    }

    @Override
    public void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context) {
        refuseIfDisks(vmId);
    }

    private void refuseIfDisks(UUID vmId) {
        if (QuarkusTransaction.joiningExisting().call(() -> hasVbds(vmId))) {
            throw new XenplaneException(ErrorCode.STORAGE_SERVICE_UNAVAILABLE, vmId,
                    "no storage service in this process, and xenplane.storage.url is not set");
        }
    }

    private boolean hasVbds(UUID vmId) {
        boolean storageSchema = Boolean.TRUE.equals(
                em.createNativeQuery("select to_regclass('vbd') is not null").getSingleResult());
        return storageSchema && ((Number) em.createNativeQuery("select count(*) from vbd where vm_id = ?1")
                .setParameter(1, vmId).getSingleResult()).longValue() > 0;
    }
}
