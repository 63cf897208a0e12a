package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.event.EventOperation;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;

/**
 * Snapshot chains of one SR: their depths, and the coalescing that keeps them short. A hidden
 * base with no child left is deleted; one with a single child that no VM has attached is
 * merged into that child (the daemon commits the child into the base and renames it). A child
 * attached to a VM is left for a later scan. Each step is decided in a short transaction that holds
 * the SR's row and marks the base and the child {@code coalesce} ({@link VdiHolds}), so that no
 * other operation and no VM start uses them while the daemon works with no transaction open; another
 * short transaction records the step.
 */
@ApplicationScoped
public class Chains {
    private static final Logger LOG = Logger.getLogger(Chains.class);

    private final StorageDaemonClient daemon;
    private final StorageRecords records;
    private final SrClaims claims;
    private final VdiHolds holds;
    private final DiskLocks locks;

    public Chains(StorageDaemonClient daemon, StorageRecords records, SrClaims claims, VdiHolds holds, DiskLocks locks) {
        this.daemon = daemon;
        this.records = records;
        this.claims = claims;
        this.holds = holds;
        this.locks = locks;
    }

    /** One step: delete the childless {@code base}, or merge {@code child} (non-null) into it. */
    private record Step(Vdi base, Vdi child) {
    }

    /**
     * Coalesces hidden bases of the SR until none can be, for {@code task} (whose SR-wide operation, if
     * any, may hold the SR); answers how many went away. A daemon failure stops it, the marks cleared.
     */
    public int coalesce(UUID srId, HostRef host, UUID task, String operationId) {
        int removed = 0;
        for (Step step = next(srId, task); step != null; step = next(srId, task)) {
            record(srId, step, work(srId, host, step, operationId));
            removed++;
        }
        return removed;
    }

    /** The daemon's part of a step, with no transaction open; a failure clears the step's marks. */
    private VolumeInfo work(UUID srId, HostRef host, Step step, String operationId) {
        String op = operationId + "/" + step.base().id;
        try {
            if (step.child() == null) {
                daemon.deleteVolume(host, srId, step.base().id, op + "/delete");
                return null;
            }
            return daemon.coalesce(host, srId, step.child().id, step.base().id, op + "/coalesce");
        } catch (RuntimeException e) {
            holds.release(step.base().id);
            if (step.child() != null) {
                holds.release(step.child().id);
            }
            throw e;
        }
    }

    /** The next step, its VDIs marked; null when no base can go now. */
    private Step next(UUID srId, UUID task) {
        return QuarkusTransaction.requiringNew().call(() -> {
            claims.lockForVdis(srId, task);
            for (Vdi base : Vdi.<Vdi>list("srId = ?1 and managed = false and currentOperation is null order by createdAt", srId)) {
                List<Vdi> children = Vdi.list("parentId = ?1", base.id);
                if (children.size() > 1) {
                    continue;
                }
                Vdi child = children.isEmpty() ? null : locks.lockVdi(children.get(0).id);
                if (child != null && (child.currentOperation != null
                        || Vbd.count("vdiId = ?1 and currentlyAttached = true", child.id) > 0)) {
                    LOG.debugf("Coalesce of %s into %s waits: the child is in use", base.id, child.id);
                    continue;
                }
                holds.hold(base, "coalesce", task);
                if (child != null) {
                    holds.hold(child, "coalesce", task);
                }
                return new Step(base, child);
            }
            return null;
        });
    }

    private void record(UUID srId, Step step, VolumeInfo merged) {
        QuarkusTransaction.requiringNew().run(() -> recordIn(srId, step, merged));
    }

    private void recordIn(UUID srId, Step step, VolumeInfo merged) {
        records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
        Vdi base = records.vdi(step.base().id, LockModeType.PESSIMISTIC_WRITE);
        if (step.child() != null) {
            Vdi child = records.vdi(step.child().id, LockModeType.PESSIMISTIC_WRITE);
            child.parentId = base.parentId;
            child.physicalUtilisation = merged.physicalUtilisation();
            holds.releaseIn(child);
        }
        records.publish(base, EventOperation.DEL);
        base.getEntityManager().flush();
        base.delete();
        base.getEntityManager().flush();
        recomputeDepths(srId);
    }

    /** Sets every VDI's chain depth of the SR from its parent links (1 for a VDI without a parent). */
    public void recomputeDepths(UUID srId) {
        List<Vdi> all = Vdi.list("srId", srId);
        Map<UUID, Vdi> byId = new HashMap<>();
        all.forEach(v -> byId.put(v.id, v));
        for (Vdi v : all) {
            int depth = 1;
            for (Vdi p = byId.get(v.parentId); p != null && depth < 1000; p = byId.get(p.parentId)) {
                depth++;
            }
            if (v.chainDepth != depth) {
                v.chainDepth = depth;
                records.publish(v, EventOperation.MOD);
            }
        }
    }
}
