package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.event.EventOperation;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;

/**
 * Snapshot chains of one SR: their depths, and the coalescing that keeps them short. A hidden
 * base with no child left is deleted; one with a single child that no VM has attached is
 * merged into that child (the daemon commits the child into the base and renames it). A child
 * attached to a VM is left for a later scan. Runs inside the caller's transaction, which holds
 * the SR's row lock, so chain changes on one SR never interleave.
 */
@ApplicationScoped
public class Chains {
    private static final Logger LOG = Logger.getLogger(Chains.class);

    private final StorageDaemonClient daemon;
    private final StorageRecords records;

    public Chains(StorageDaemonClient daemon, StorageRecords records) {
        this.daemon = daemon;
        this.records = records;
    }

    /** Coalesces hidden bases of the SR until none can be; answers how many went away. */
    public int coalesce(Sr sr, HostRef host, String operationId) {
        int removed = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Vdi> hidden = Vdi.list("srId = ?1 and managed = false order by createdAt", sr.id);
            for (Vdi base : hidden) {
                if (collapse(base, host, operationId + "/" + base.id)) {
                    removed++;
                    changed = true;
                }
            }
        }
        if (removed > 0) {
            recomputeDepths(sr.id);
        }
        return removed;
    }

    private boolean collapse(Vdi base, HostRef host, String operationId) {
        List<Vdi> children = Vdi.list("parentId = ?1", base.id);
        if (children.isEmpty()) {
            daemon.deleteVolume(host, base.srId, base.id, operationId + "/delete");
            records.publish(base, EventOperation.DEL);
            base.delete();
            return true;
        }
        if (children.size() > 1) {
            return false;
        }
        Vdi child = children.get(0);
        if (Vbd.count("vdiId = ?1 and currentlyAttached = true", child.id) > 0 || child.currentOperation != null) {
            LOG.debugf("Coalesce of %s into %s waits: the child is in use", base.id, child.id);
            return false;
        }
        VolumeInfo merged = daemon.coalesce(host, base.srId, child.id, base.id, operationId + "/coalesce");
        child.parentId = base.parentId;
        child.physicalUtilisation = merged.physicalUtilisation();
        records.publish(child, EventOperation.MOD);
        records.publish(base, EventOperation.DEL);
        base.getEntityManager().flush();
        base.delete();
        return true;
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
