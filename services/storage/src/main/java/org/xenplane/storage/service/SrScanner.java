package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.event.EventOperation;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.daemon.protocol.storage.VolumeList;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.model.VdiType;

/**
 * sr.scan: makes the records match the SR's volumes. A volume without a record becomes a VDI
 * (a hidden base when other volumes are overlays on it); a record without a volume goes away,
 * or is marked missing while VBDs refer to it; sizes, parents and depths are refreshed; the SR's
 * sizes too; then pending coalesces run. No transaction is open while the daemon works.
 */
@ApplicationScoped
public class SrScanner {
    private final StorageDaemonClient daemon;
    private final StorageRecords records;
    private final Chains chains;
    private final StorageViews views;
    private final SrClaims claims;

    public SrScanner(StorageDaemonClient daemon, StorageRecords records, Chains chains, StorageViews views, SrClaims claims) {
        this.claims = claims;
        this.daemon = daemon;
        this.records = records;
        this.chains = chains;
        this.views = views;
    }

    /**
     * Marks the SR {@code sr.scan} ({@link SrClaims}) in a short transaction, lists its volumes with no
     * transaction open, reconciles the records in another, coalesces, and records the sizes.
     */
    public void scan(UUID srId, UUID task, String operationId) {
        HostRef host = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
            SrOperation.SCAN.assertAllowed(views.srState(sr));
            HostRef working = records.workingHost(sr);
            claims.claim(sr, SrOperation.SCAN.id(), task);
            return working;
        });
        try {
            VolumeList found = daemon.scan(host, srId);
            QuarkusTransaction.requiringNew().run(() -> reconcile(records.sr(srId, LockModeType.PESSIMISTIC_WRITE),
                    found.volumes()));
            chains.coalesce(srId, host, task, operationId);
            long utilisation = daemon.stats(host, srId).physicalUtilisation();
            QuarkusTransaction.requiringNew().run(() -> {
                Sr sr = records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
                chains.recomputeDepths(srId);
                sr.physicalSize = found.stats().physicalSize();
                sr.physicalUtilisation = utilisation;
                sr.virtualAllocation = VdiService.allocation(srId);
                claims.releaseIn(sr, task);
                records.publish(sr, EventOperation.MOD);
            });
        } finally {
            claims.release(srId, task);
        }
    }

    private void reconcile(Sr sr, List<VolumeInfo> volumes) {
        Map<UUID, Vdi> known = new HashMap<>();
        Vdi.<Vdi>list("srId", sr.id).forEach(v -> known.put(v.id, v));
        Set<UUID> parents = new HashSet<>();
        volumes.forEach(v -> {
            if (v.parentId() != null) {
                parents.add(v.parentId());
            }
        });
        Set<UUID> present = new HashSet<>();
        for (VolumeInfo volume : volumes) {
            present.add(volume.id());
            Vdi vdi = known.get(volume.id());
            if (vdi == null) {
                vdi = adopt(sr, volume, parents.contains(volume.id()));
                known.put(vdi.id, vdi);
            }
        }
        for (VolumeInfo volume : volumes) {
            Vdi vdi = known.get(volume.id());
            UUID parent = volume.parentId() != null && present.contains(volume.parentId()) ? volume.parentId() : null;
            if (vdi.virtualSize != volume.virtualSize() || vdi.physicalUtilisation != volume.physicalUtilisation()
                    || !java.util.Objects.equals(vdi.parentId, parent) || vdi.missing) {
                vdi.virtualSize = volume.virtualSize();
                vdi.physicalUtilisation = volume.physicalUtilisation();
                vdi.parentId = parent;
                vdi.missing = false;
                records.publish(vdi, EventOperation.MOD);
            }
        }
        for (Vdi vdi : known.values()) {
            if (present.contains(vdi.id) || vdi.currentOperation != null) {
                continue;
            }
            if (Vbd.count("vdiId", vdi.id) > 0) {
                if (!vdi.missing) {
                    vdi.missing = true;
                    records.publish(vdi, EventOperation.MOD);
                }
            } else {
                Vdi.update("parentId = null where parentId = ?1", vdi.id);
                records.publish(vdi, EventOperation.DEL);
                vdi.delete();
            }
        }
    }

    private Vdi adopt(Sr sr, VolumeInfo volume, boolean isBase) {
        Vdi vdi = new Vdi();
        vdi.id = volume.id();
        vdi.srId = sr.id;
        vdi.name = isBase ? "base " + volume.id() : "found " + volume.id();
        vdi.description = "found by sr.scan";
        vdi.type = VdiType.USER;
        vdi.virtualSize = volume.virtualSize();
        vdi.physicalUtilisation = volume.physicalUtilisation();
        vdi.managed = !isBase;
        vdi.readOnly = isBase;
        vdi.createdAt = Instant.now();
        vdi.persist();
        records.publish(vdi, EventOperation.ADD);
        return vdi;
    }
}
