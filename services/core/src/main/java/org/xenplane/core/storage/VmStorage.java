package org.xenplane.core.storage;

import java.util.List;
import java.util.UUID;
import org.xenplane.core.task.TaskContext;

/**
 * What the VM service needs of storage: a VM's whole set of disks at once. The storage service
 * provides the implementation (a bean of this type); in a process without it,
 * {@link StorageNotInProcess} answers for VMs without disks and refuses for VMs with disks.
 * Every call that touches hosts takes an operation id, so that a retried step is idempotent.
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
     * changes nothing (placement uses it to skip hosts). Call it in a transaction.
     */
    void assertHostCanAttach(UUID vmId, UUID hostId);

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

    /** Destroys the VM's VBDs (none may be attached) and, with {@code destroyDisks}, its disks that no other VM uses. */
    void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context);
}
