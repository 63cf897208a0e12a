package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vdi;

/**
 * What the SR's row lock used to serialise by staying locked around the host's work, now decided in
 * short transactions. Two kinds of operation take turns on an SR:
 * <ul>
 * <li>an <b>SR-wide</b> one (sr.scan, pbd.plug, pbd.unplug, sr.destroy) marks the SR
 * ({@code sr.current_operation}, {@code current_task}) and is refused while another SR-wide one holds it
 * or while a VDI of the SR is {@linkplain #VOLUME_CHANGES changing its volume};</li>
 * <li>an operation on one VDI (create, destroy, resize, snapshot, clone, coalesce) marks its VDIs
 * ({@link VdiHolds}), reserves capacity with the SR's row locked for that short transaction only, and
 * is refused while an SR-wide operation holds the SR. Several of them run on one SR at once.</li>
 * </ul>
 * Both take the SR's row first (the order of {@link DiskLocks}), so one of two racing claims waits a
 * moment for the other's short transaction and then sees its mark: a race ends with a winner and
 * {@code 409 OTHER_OPERATION_IN_PROGRESS}. A mark left by a task that ended is cleared by
 * {@link StaleSrClaims}.
 */
@ApplicationScoped
public class SrClaims {
    /** The holds of one VDI that change the SR's volumes while they run: an SR-wide operation waits for them. */
    static final List<String> VOLUME_CHANGES = List.of("create", "destroy", "resize", "snapshot", "clone", "coalesce");

    private final StorageRecords records;

    public SrClaims(StorageRecords records) {
        this.records = records;
    }

    /**
     * In the caller's transaction: the SR's row locked, for work on its VDIs; refused while an SR-wide
     * operation of another task holds it.
     */
    public Sr lockForVdis(UUID srId, UUID task) {
        Sr sr = records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
        if (sr.currentOperation != null && !sr.currentTask.equals(task)) {
            throw busy(sr);
        }
        return sr;
    }

    /**
     * In the caller's transaction, which holds the SR's row lock: marks the SR held by
     * {@code operation} (such as {@code sr.scan}) of {@code task}; refused while another operation holds the
     * SR or changes one of its volumes. The caller checks its operation's state rule in the same transaction.
     */
    public Sr claim(Sr sr, String operation, UUID task) {
        if (sr.currentOperation != null) {
            throw busy(sr);
        }
        Vdi changing = Vdi.<Vdi>find("srId = ?1 and currentOperation in ?2", sr.id, VOLUME_CHANGES).firstResult();
        if (changing != null) {
            throw new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Sr.CLASS, sr.id,
                    "vdi." + changing.currentOperation + " of VDI " + changing.id);
        }
        sr.currentOperation = operation;
        sr.currentTask = task;
        records.publish(sr, EventOperation.MOD);
        return sr;
    }

    /** Clears the SR's mark in a transaction of its own, if {@code task} holds it (a gone SR has none). */
    public void release(UUID srId, UUID task) {
        QuarkusTransaction.requiringNew().run(() -> {
            Sr sr = Sr.findById(srId, LockModeType.PESSIMISTIC_WRITE);
            if (sr != null) {
                releaseIn(sr, task);
            }
        });
    }

    /** Clears the SR's mark in the caller's transaction (the SR's row locked), if {@code task} holds it. */
    public void releaseIn(Sr sr, UUID task) {
        if (sr.currentOperation != null && sr.currentTask.equals(task)) {
            sr.currentOperation = null;
            sr.currentTask = null;
            records.publish(sr, EventOperation.MOD);
        }
    }

    private static XenplaneException busy(Sr sr) {
        return new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Sr.CLASS, sr.id, sr.currentOperation);
    }
}
