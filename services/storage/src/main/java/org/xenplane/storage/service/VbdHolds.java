package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.xenplane.storage.model.Vbd;

/**
 * The storage side of "one rule for disks in use", for the VM service in the same process: the
 * transaction that admits an operation which will attach a VM's disks (start, resume) share-locks
 * the VM's VBD rows ({@code VmStorage.holdDisksForAttach}). An operation that needs a disk free
 * (VDI destroy, resize, copy) locks the VDI and then its VBD rows for update ({@link DiskLocks})
 * and only then asks whether the VBDs' VMs are attaching them ({@code VmDomains.attachingDisks});
 * so it either ran entirely before the admission (a destroyed disk's VBD is gone when the start
 * attaches) or sees the VM's operation and is refused. Nothing here waits for another lock than
 * these rows.
 */
@ApplicationScoped
public class VbdHolds {

    /** Share-locks the VM's VBD rows, in id order, for the rest of the caller's transaction. */
    public void holdForAttach(UUID vmId) {
        Vbd.find("vmId = ?1 order by id", vmId).withLock(LockModeType.PESSIMISTIC_READ).list();
    }
}
