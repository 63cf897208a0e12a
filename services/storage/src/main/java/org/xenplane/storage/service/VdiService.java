package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.daemon.protocol.storage.ForkResult;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.model.VdiType;
import org.xenplane.storage.api.VdiCreate;
import org.xenplane.storage.api.VdiView;

/**
 * VDI create, destroy, resize, snapshot and clone, none with a transaction open around the daemon's
 * work: a short transaction admits the operation (the SR's row, then the VDI's, locked; capacity
 * checked and reserved; the VDI marked, {@link VdiHolds}), the daemon does the work, and another
 * short transaction records the outcome and clears the mark. A daemon failure gives the reservation
 * back (the daemon undoes its own partial work); if recording fails after the daemon succeeded, a new
 * volume is deleted again. An SR-wide operation (scan, PBD plug and unplug, SR destroy) and these take
 * turns on an SR through {@link SrClaims}.
 */
@ApplicationScoped
public class VdiService {
    private static final Logger LOG = Logger.getLogger(VdiService.class);

    private final StorageDaemonClient daemon;
    private final StorageRecords records;
    private final StorageViews views;
    private final Chains chains;
    private final StorageConfig config;
    private final DiskLocks locks;
    private final SrClaims claims;
    private final VdiHolds holds;

    public VdiService(StorageDaemonClient daemon, StorageRecords records, StorageViews views, Chains chains,
                      StorageConfig config, DiskLocks locks, SrClaims claims, VdiHolds holds) {
        this.locks = locks;
        this.claims = claims;
        this.holds = holds;
        this.daemon = daemon;
        this.records = records;
        this.views = views;
        this.chains = chains;
        this.config = config;
    }

    public List<VdiView> list(UUID srId) {
        return QuarkusTransaction.joiningExisting().call(() -> (srId == null
                ? Vdi.<Vdi>list("order by createdAt, id") : Vdi.<Vdi>list("srId = ?1 order by createdAt, id", srId))
                .stream().map(views::vdi).toList());
    }

    public VdiView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> views.vdi(records.vdi(id, LockModeType.NONE)));
    }

    /** Checks a size from a request: positive, a multiple of 512, at most the configured maximum. */
    public long validSize(Long bytes, String field) {
        if (bytes == null || bytes <= 0) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, field, "a positive number of bytes");
        }
        if (bytes > config.maxVirtualSize()) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, field, "at most " + config.maxVirtualSize() + " bytes");
        }
        if (bytes % 512 != 0) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, field, "a multiple of 512 bytes");
        }
        return bytes;
    }

    /** Reserves {@code extra} more bytes of virtual allocation on the SR, or refuses them ({@code SR_FULL}); the SR row is locked. */
    public void reserve(Sr sr, long extra) {
        long limit = (long) Math.floor(sr.physicalSize * config.overcommitRatio());
        long available = Math.max(0, limit - sr.virtualAllocation);
        if (extra > available) {
            throw new XenplaneException(ErrorCode.SR_FULL, sr.id, extra, available);
        }
        sr.virtualAllocation += extra;
        records.publish(sr, EventOperation.MOD);
    }

    /** The virtual allocation of an SR from its records: its managed VDIs. */
    static long allocation(UUID srId) {
        Long sum = Vdi.find("select coalesce(sum(v.virtualSize), 0) from Vdi v where v.srId = ?1 and v.managed = true", srId)
                .project(Long.class).firstResult();
        return sum == null ? 0 : sum;
    }

    /** vdi.create: the record and its reservation first (marked {@code create}), then the volume, then its sizes. */
    public UUID create(VdiCreate req, UUID task, String operationId) {
        long size = validSize(req.virtualSize(), "virtualSize");
        UUID id = UUID.randomUUID();
        HostRef host = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = claims.lockForVdis(req.srId(), task);
            HostRef working = records.workingHost(sr);
            reserve(sr, size);
            Vdi vdi = newVdi(id, sr.id, req.name(), new VolumeInfo(id, size, 0, null, null, null));
            vdi.description = req.description() == null ? "" : req.description();
            vdi.type = req.type() == null ? VdiType.USER : req.type();
            vdi.sharable = Boolean.TRUE.equals(req.sharable());
            vdi.readOnly = Boolean.TRUE.equals(req.readOnly());
            holds.hold(vdi, "create", task);
            vdi.persist();
            records.publish(vdi, EventOperation.ADD);
            return working;
        });
        VolumeInfo volume;
        try {
            volume = daemon.createVolume(host, req.srId(), id, size, operationId);
        } catch (RuntimeException e) {
            removeRecord(req.srId(), id); // the daemon removed what it had begun
            throw e;
        }
        recordOrDelete(host, req.srId(), id, operationId, () -> {
            Vdi vdi = records.vdi(id, LockModeType.PESSIMISTIC_WRITE);
            vdi.virtualSize = volume.virtualSize();
            vdi.physicalUtilisation = volume.physicalUtilisation();
            holds.releaseIn(vdi);
        });
        return id;
    }

    static Vdi newVdi(UUID id, UUID srId, String name, VolumeInfo volume) {
        Vdi vdi = new Vdi();
        vdi.id = id;
        vdi.srId = srId;
        vdi.name = name;
        vdi.virtualSize = volume.virtualSize();
        vdi.physicalUtilisation = volume.physicalUtilisation();
        vdi.createdAt = Instant.now();
        return vdi;
    }

    /**
     * Destroys the VDI and its (detached) VBDs, then coalesces what its parent left behind. The VDI is
     * marked {@code destroy} while its volume goes; a server that dies meanwhile leaves the mark to
     * {@link StaleVdiHolds}, which finishes the destroy.
     */
    public void destroy(UUID id, UUID task, String operationId) {
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = claims.lockForVdis(records.vdi(id, LockModeType.NONE).srId, task);
            Vdi vdi = locks.lockVdi(id);
            VdiOperation.DESTROY.assertAllowed(views.vdiState(vdi));
            HostRef host = records.workingHost(sr);
            holds.hold(vdi, "destroy", task);
            return new Claimed(sr.id, host, vdi.virtualSize);
        });
        try {
            daemon.deleteVolume(claimed.host(), claimed.srId(), id, operationId);
        } catch (RuntimeException e) {
            holds.release(id);
            throw e;
        }
        removeRecord(claimed.srId(), id);
        coalesceAfter(claimed, task, operationId);
    }

    /** Work admitted on a VDI of an SR: the SR, the host to work through, and the bytes reserved. */
    record Claimed(UUID srId, HostRef host, long reserved) {
    }

    /**
     * Removes a VDI, its volume first (through a host with its SR plugged; gone already is fine) and
     * then its record, its VBDs and its allocation: the end of a destroy, or the undo of a create or a
     * copy that did not finish.
     */
    public void discard(UUID srId, UUID vdiId, String operationId) {
        HostRef host = QuarkusTransaction.requiringNew().call(() ->
                records.workingHost(records.sr(srId, LockModeType.NONE)));
        daemon.deleteVolume(host, srId, vdiId, operationId);
        removeRecord(srId, vdiId);
    }

    /** Removes the VDI's record, its VBDs and its allocation (the SR's row, then the VDI's, locked). */
    void removeRecord(UUID srId, UUID vdiId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Sr sr = records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
            Vdi vdi = Vdi.findById(vdiId, LockModeType.PESSIMISTIC_WRITE);
            if (vdi == null) {
                return;
            }
            for (Vbd vbd : Vbd.<Vbd>find("vdiId = ?1 order by id", vdiId).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
                records.publish(vbd, EventOperation.DEL);
                vbd.delete();
            }
            if (vdi.managed) {
                sr.virtualAllocation = Math.max(0, sr.virtualAllocation - vdi.virtualSize);
                records.publish(sr, EventOperation.MOD);
            }
            records.publish(vdi, EventOperation.DEL);
            vdi.delete();
        });
    }

    /** Coalesces what a destroy left; a failure leaves it for a later scan (the VDI is gone either way). */
    private void coalesceAfter(Claimed claimed, UUID task, String operationId) {
        try {
            chains.coalesce(claimed.srId(), claimed.host(), task, operationId + "/coalesce");
        } catch (RuntimeException e) {
            LOG.warnf("Coalescing SR %s after a destroy waits for a scan: %s", claimed.srId(), e.getMessage());
        }
    }

    /**
     * Refuses at once, in the caller's transaction, an operation the VDI's state does not allow now:
     * the admission of a long operation, so that its refusal is the request's 409 (the work checks
     * again under the VDI's lock).
     */
    public void admit(UUID id, VdiOperation operation) {
        QuarkusTransaction.joiningExisting().run(() ->
                operation.assertAllowed(views.vdiState(records.vdi(id, LockModeType.NONE))));
    }

    public void resize(UUID id, Long newSize, UUID task, String operationId) {
        long size = validSize(newSize, "virtualSize");
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = claims.lockForVdis(records.vdi(id, LockModeType.NONE).srId, task);
            Vdi vdi = locks.lockVdi(id);
            VdiOperation.RESIZE.assertAllowed(views.vdiState(vdi));
            if (size < vdi.virtualSize) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VdiOperation.RESIZE.id(),
                        "the VDI is " + vdi.virtualSize + " bytes; shrinking is not supported");
            }
            HostRef host = records.workingHost(sr);
            reserve(sr, size - vdi.virtualSize);
            holds.hold(vdi, "resize", task);
            return new Claimed(sr.id, host, size - vdi.virtualSize);
        });
        VolumeInfo volume;
        try {
            volume = daemon.resize(claimed.host(), claimed.srId(), id, size, operationId);
        } catch (RuntimeException e) {
            unreserve(claimed, id);
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            records.sr(claimed.srId(), LockModeType.PESSIMISTIC_WRITE);
            Vdi vdi = records.vdi(id, LockModeType.PESSIMISTIC_WRITE);
            vdi.virtualSize = volume.virtualSize();
            vdi.physicalUtilisation = volume.physicalUtilisation();
            holds.releaseIn(vdi);
        });
    }

    /** Gives back what an operation reserved on the SR and clears the VDI's mark: the daemon did nothing. */
    private void unreserve(Claimed claimed, UUID vdiId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Sr sr = records.sr(claimed.srId(), LockModeType.PESSIMISTIC_WRITE);
            sr.virtualAllocation = Math.max(0, sr.virtualAllocation - claimed.reserved());
            records.publish(sr, EventOperation.MOD);
            Vdi vdi = Vdi.findById(vdiId, LockModeType.PESSIMISTIC_WRITE);
            if (vdi != null) {
                holds.releaseIn(vdi);
            }
        });
    }

    /** Snapshot ({@code snapshot} true) or clone: see {@code QcowVolumes} in the daemon; answers the new VDI. */
    public UUID fork(UUID id, String name, boolean snapshot, UUID task, String operationId) {
        UUID leafId = UUID.randomUUID();
        UUID baseId = UUID.randomUUID();
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = claims.lockForVdis(records.vdi(id, LockModeType.NONE).srId, task);
            Vdi vdi = locks.lockVdi(id);
            (snapshot ? VdiOperation.SNAPSHOT : VdiOperation.CLONE).assertAllowed(views.vdiState(vdi));
            HostRef host = records.workingHost(sr);
            reserve(sr, vdi.virtualSize);
            holds.hold(vdi, snapshot ? "snapshot" : "clone", task);
            return new Claimed(sr.id, host, vdi.virtualSize);
        });
        ForkResult fork;
        try {
            fork = daemon.fork(claimed.host(), claimed.srId(), id, baseId, leafId, operationId);
        } catch (RuntimeException e) {
            unreserve(claimed, id); // the daemon renamed the base back
            throw e;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> recordFork(claimed.srId(), id, baseId, leafId, name, snapshot, fork));
        } catch (RuntimeException e) {
            deleteQuietly(claimed.host(), claimed.srId(), leafId, operationId + "/undo");
            unreserve(claimed, id);
            throw e;
        }
        return leafId;
    }

    private void recordFork(UUID srId, UUID id, UUID baseId, UUID leafId, String name, boolean snapshot, ForkResult fork) {
        records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
        Vdi vdi = records.vdi(id, LockModeType.PESSIMISTIC_WRITE);
        Vdi base = newVdi(baseId, srId, "base of " + vdi.name, fork.base());
        base.managed = false;
        base.readOnly = true;
        base.type = vdi.type;
        base.parentId = vdi.parentId;
        base.persist();
        records.publish(base, EventOperation.ADD);
        vdi.parentId = baseId;
        vdi.physicalUtilisation = fork.original().physicalUtilisation();
        holds.releaseIn(vdi);
        Vdi leaf = newVdi(leafId, srId, name != null ? name : vdi.name + (snapshot ? " (snapshot)" : " (clone)"), fork.leaf());
        leaf.description = vdi.description;
        leaf.type = vdi.type;
        leaf.parentId = baseId;
        if (snapshot) {
            leaf.isSnapshot = true;
            leaf.snapshotOf = vdi.id;
            leaf.snapshotTime = Instant.now();
            leaf.readOnly = true;
        } else {
            leaf.sharable = vdi.sharable;
        }
        leaf.persist();
        records.publish(leaf, EventOperation.ADD);
        vdi.getEntityManager().flush();
        chains.recomputeDepths(srId);
    }

    /**
     * Records what the daemon made ({@code record}, in a transaction of its own); should that fail, the
     * volume {@code created} is deleted again and its record removed, so that no orphan is left.
     */
    private void recordOrDelete(HostRef host, UUID srId, UUID created, String operationId, Runnable record) {
        try {
            QuarkusTransaction.requiringNew().run(record);
        } catch (RuntimeException e) {
            deleteQuietly(host, srId, created, operationId + "/undo");
            try {
                removeRecord(srId, created);
            } catch (RuntimeException undo) {
                LOG.warnf("Could not remove the record of VDI %s after a failed commit: %s", created, undo.getMessage());
            }
            throw e;
        }
    }

    private void deleteQuietly(HostRef host, UUID srId, UUID volume, String operationId) {
        try {
            daemon.deleteVolume(host, srId, volume, operationId);
        } catch (RuntimeException undo) {
            LOG.warnf("Could not delete volume %s of SR %s after a failed commit: %s", volume, srId, undo.getMessage());
        }
    }
}
