package org.xenplane.core.storage;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.task.TaskContext;

/**
 * What the VM service needs of storage: a VM's whole set of disks at once, and what it needs to
 * know of them. The storage service provides the implementation (a bean of this type) over its
 * own tables; a VM service in another process reaches it over REST ({@link StorageOverRest}, when
 * {@code xenplane.storage.url} is set), and a process with neither has VMs without disks
 * ({@link StorageNotInProcess}). {@link VmStorageChoice} picks. Every call that touches hosts
 * takes an operation id, so that a retried step is idempotent.
 */
public interface VmStorage {

    /**
     * Attaches every VBD of the VM on the host (the storage half of a VM start): decides, with the
     * rows locked, that no other running VM holds a read-write VDI ({@code VDI_IN_USE}) and that
     * every SR is plugged there ({@code SR_NOT_ATTACHED}), and activates the volumes. Idempotent
     * for the same host. Answers the disks in userdevice order.
     */
    List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId);

    /**
     * Refuses with {@code SR_NOT_ATTACHED} when a disk of the VM is on an SR not plugged on the host;
     * changes nothing. Placement calls it in its transaction for each candidate host, so an
     * implementation that would have to ask another process accepts every host here and leaves the
     * refusal to {@link #attachDisks} and {@link #prepareMove}, as {@code VmNetworking} does.
     */
    void assertHostCanAttach(UUID vmId, UUID hostId);

    /**
     * In the transaction that admits an operation which will attach the VM's disks (start, resume):
     * holds the VM's disk slots until that transaction commits, so that an operation that needs a
     * disk free (VDI destroy, resize, copy) either ran entirely before the admission or sees the
     * VM attaching its disks ({@code VDI_IN_USE}). An implementation in another process cannot take
     * part in the admission's transaction: there the attach's own check decides
     * ({@link #attachDisks} locks and checks every disk in one transaction of the storage service).
     */
    void holdDisksForAttach(UUID vmId);

    /**
     * Those of {@code vmIds} with a disk (not a CD) that some VBD has attached now: the storage
     * service snapshots and clones no attached disk, so the VM service neither offers nor starts a
     * snapshot or clone of such a VM. One answer for a whole list. An implementation in another
     * process asks it only outside a transaction and answers none inside one (the storage
     * service's clone then refuses by itself).
     */
    Set<UUID> vmsWithAttachedDisks(Collection<UUID> vmIds);

    /** Detaches every attached VBD of the VM and deactivates volumes no one else uses there; idempotent. */
    void detachDisks(UUID vmId, String operationId);

    /**
     * Live migration, before the domain moves: checks that every SR of the VM's disks is plugged on
     * {@code toHost} ({@code SR_NOT_ATTACHED}) and activates the volumes there too. Answers the
     * disks as the destination opens them.
     */
    List<VmDisk> prepareMove(UUID vmId, UUID toHost, String operationId);

    /** After the domain moved: records the VBDs attached on {@code toHost} and deactivates the volumes on the old host. */
    void completeMove(UUID vmId, UUID toHost, String operationId);

    /** After a failed move: deactivates on {@code toHost} what {@link #prepareMove} activated there (the VM stays where it was). */
    void abortMove(UUID vmId, UUID toHost, String operationId);

    /** How {@link #cloneDisks} makes the new VM's disks. */
    enum CloneMode {
        /** copy-on-write clones */
        CLONE,
        /** read-only snapshots */
        SNAPSHOT,
        /** full copies */
        COPY
    }

    /** Gives {@code newVmId} a VBD in each of {@code vmId}'s slots, on new disks made per {@code mode}; undoes itself on failure. */
    void cloneDisks(UUID vmId, UUID newVmId, CloneMode mode, TaskContext context);

    /**
     * Gives the VM, which has no VBD yet, a new empty disk and a VBD for each of {@code disks} (XAPI's
     * {@code VM.provision}); a disk without an SR goes to the pool's default SR ({@code DEFAULT_SR_NOT_SET}
     * when there is none). On any failure it removes the VBDs and disks it made, files included, and
     * throws; nothing is left.
     */
    void provisionDisks(UUID vmId, List<DiskProvision> disks, TaskContext context);

    /** Destroys the VM's VBDs (none may be attached) and, with {@code destroyDisks}, its disks that no other VM uses. */
    void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context);
}
