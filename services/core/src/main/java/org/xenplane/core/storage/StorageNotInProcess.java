package org.xenplane.core.storage;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.task.TaskContext;

/**
 * The {@link VmStorage} of a process without the storage service and without
 * {@code xenplane.storage.url} (a VM service tested on its own schema): no storage service, so no
 * disks, and VMs start without disks, on any host, as {@code NetworkingNotInProcess} starts them
 * without NICs. Only the storage service knows a VM's VBDs, so this cannot tell a VM with VBDs
 * from one without; said once in the log at start-up (the chart always sets the URL).
 */
public class StorageNotInProcess implements VmStorage {
    private static final Logger LOG = Logger.getLogger(StorageNotInProcess.class);

    public StorageNotInProcess() {
        LOG.warn("no storage service in this process and xenplane.storage.url is not set: VMs get no disks");
    }

    @Override
    public List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId) {
        return List.of();
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        // no disks: every host can give the VM what it has
    }

    @Override
    public void holdDisksForAttach(UUID vmId) {
        // no disks to hold
    }

    @Override
    public Set<UUID> vmsWithAttachedDisks(Collection<UUID> vmIds) {
        return Set.of();
    }

    @Override
    public void detachDisks(UUID vmId, String operationId) {
        // no disks attached
    }

    @Override
    public List<VmDisk> prepareMove(UUID vmId, UUID toHost, String operationId) {
        return List.of();
    }

    @Override
    public void completeMove(UUID vmId, UUID toHost, String operationId) {
        // no disks to move
    }

    @Override
    public void abortMove(UUID vmId, UUID toHost, String operationId) {
        // no disks moved
    }

    @Override
    public void cloneDisks(UUID vmId, UUID newVmId, CloneMode mode, TaskContext context) {
        // no disks to clone
    }

    @Override
    public void provisionDisks(UUID vmId, List<DiskProvision> disks, TaskContext context) {
        // no storage here: VMs have no disks (said in the log at start-up)
    }

    @Override
    public void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context) {
        // no VBDs known here
    }
}
