package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.xenplane.core.event.EventOperation;
import org.xenplane.storage.model.Vdi;

/**
 * A VDI's mark ({@code current_operation}, {@code current_task}) while an operation works on its
 * volume with no transaction open: set in the short transaction that admits the operation (the VDI's
 * row locked), cleared in the one that records its outcome. Meanwhile other operations on the VDI, and
 * a VM's attach of it, are refused with {@code OTHER_OPERATION_IN_PROGRESS}; a mark left by a task that
 * ended is cleared by {@link StaleVdiHolds}.
 */
@ApplicationScoped
public class VdiHolds {
    private final StorageRecords records;

    public VdiHolds(StorageRecords records) {
        this.records = records;
    }

    /** Marks the VDI (its row locked by the caller's transaction), publishing the change if it is persistent. */
    public void hold(Vdi vdi, String operation, UUID task) {
        vdi.currentOperation = operation;
        vdi.currentTask = task;
        if (vdi.isPersistent()) {
            records.publish(vdi, EventOperation.MOD);
        }
    }

    /** Clears the mark in the caller's transaction. */
    public void releaseIn(Vdi vdi) {
        if (vdi.currentOperation != null) {
            vdi.currentOperation = null;
            vdi.currentTask = null;
            records.publish(vdi, EventOperation.MOD);
        }
    }

    /** Clears the mark in a transaction of its own (a VDI that is gone has none). */
    public void release(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Vdi v = Vdi.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (v != null) {
                releaseIn(v);
            }
        });
    }
}
