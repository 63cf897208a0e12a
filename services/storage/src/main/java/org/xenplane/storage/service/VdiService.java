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
import org.xenplane.storage.rest.VdiCreate;
import org.xenplane.storage.rest.VdiView;

/**
 * VDI create, destroy, resize, snapshot and clone. Each runs in one transaction that holds the
 * SR's row lock around the daemon call: capacity is checked and reserved atomically, chain
 * changes on one SR never interleave, and a daemon failure rolls the records back (the daemon
 * undoes its own partial work). If the commit fails after the daemon succeeded, the new volume
 * is deleted again.
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

    public VdiService(StorageDaemonClient daemon, StorageRecords records, StorageViews views, Chains chains,
                      StorageConfig config, DiskLocks locks) {
        this.locks = locks;
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

    /** Refuses {@code extra} more bytes of virtual allocation on the SR ({@code SR_FULL}); the SR row is locked. */
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

    public UUID create(VdiCreate req, String operationId) {
        long size = validSize(req.virtualSize(), "virtualSize");
        UUID id = UUID.randomUUID();
        return inSr(req.srId(), id, operationId, (sr, host) -> {
            reserve(sr, size);
            VolumeInfo volume = daemon.createVolume(host, sr.id, id, size, operationId);
            Vdi vdi = newVdi(id, sr.id, req.name(), volume);
            vdi.description = req.description() == null ? "" : req.description();
            vdi.type = req.type() == null ? VdiType.USER : req.type();
            vdi.sharable = Boolean.TRUE.equals(req.sharable());
            vdi.readOnly = Boolean.TRUE.equals(req.readOnly());
            vdi.persist();
            records.publish(vdi, EventOperation.ADD);
            return id;
        });
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

    /** Destroys the VDI and its (detached) VBDs, then coalesces what its parent left behind. */
    public void destroy(UUID id, String operationId) {
        UUID srId = QuarkusTransaction.requiringNew().call(() -> records.vdi(id, LockModeType.NONE).srId);
        inSr(srId, null, operationId, (sr, host) -> {
            Vdi vdi = locks.lockVdi(id);
            VdiOperation.DESTROY.assertAllowed(views.vdiState(vdi));
            for (Vbd vbd : Vbd.<Vbd>list("vdiId", id)) {
                records.publish(vbd, EventOperation.DEL);
                vbd.delete();
            }
            daemon.deleteVolume(host, sr.id, id, operationId);
            sr.virtualAllocation = Math.max(0, sr.virtualAllocation - vdi.virtualSize);
            records.publish(sr, EventOperation.MOD);
            records.publish(vdi, EventOperation.DEL);
            vdi.delete();
            vdi.getEntityManager().flush();
            chains.coalesce(sr, host, operationId + "/coalesce");
            return null;
        });
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

    public void resize(UUID id, Long newSize, String operationId) {
        long size = validSize(newSize, "virtualSize");
        UUID srId = QuarkusTransaction.requiringNew().call(() -> records.vdi(id, LockModeType.NONE).srId);
        inSr(srId, null, operationId, (sr, host) -> {
            Vdi vdi = locks.lockVdi(id);
            VdiOperation.RESIZE.assertAllowed(views.vdiState(vdi));
            if (size < vdi.virtualSize) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VdiOperation.RESIZE.id(),
                        "the VDI is " + vdi.virtualSize + " bytes; shrinking is not supported");
            }
            reserve(sr, size - vdi.virtualSize);
            VolumeInfo volume = daemon.resize(host, sr.id, id, size, operationId);
            vdi.virtualSize = volume.virtualSize();
            vdi.physicalUtilisation = volume.physicalUtilisation();
            records.publish(vdi, EventOperation.MOD);
            return null;
        });
    }

    /** Snapshot ({@code snapshot} true) or clone: see {@code QcowVolumes} in the daemon; answers the new VDI. */
    public UUID fork(UUID id, String name, boolean snapshot, String operationId) {
        UUID srId = QuarkusTransaction.requiringNew().call(() -> records.vdi(id, LockModeType.NONE).srId);
        UUID leafId = UUID.randomUUID();
        return inSr(srId, leafId, operationId, (sr, host) -> {
            Vdi vdi = locks.lockVdi(id);
            (snapshot ? VdiOperation.SNAPSHOT : VdiOperation.CLONE).assertAllowed(views.vdiState(vdi));
            reserve(sr, vdi.virtualSize);
            UUID baseId = UUID.randomUUID();
            ForkResult fork = daemon.fork(host, sr.id, id, baseId, leafId, operationId);
            Vdi base = newVdi(baseId, sr.id, "base of " + vdi.name, fork.base());
            base.managed = false;
            base.readOnly = true;
            base.type = vdi.type;
            base.parentId = vdi.parentId;
            base.persist();
            records.publish(base, EventOperation.ADD);
            vdi.parentId = baseId;
            vdi.physicalUtilisation = fork.original().physicalUtilisation();
            records.publish(vdi, EventOperation.MOD);
            Vdi leaf = newVdi(leafId, sr.id, name != null ? name : vdi.name + (snapshot ? " (snapshot)" : " (clone)"), fork.leaf());
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
            chains.recomputeDepths(sr.id);
            return leafId;
        });
    }

    /** Work on one SR's volumes, in a transaction holding the SR's lock, through a host that has it plugged. */
    @FunctionalInterface
    public interface SrWork<T> {
        T run(Sr sr, HostRef host);
    }

    /**
     * Runs {@code work}; if it created volume {@code created} on the daemon and the transaction then
     * fails to commit, deletes that volume again so that no orphan is left.
     */
    public <T> T inSr(UUID srId, UUID created, String operationId, SrWork<T> work) {
        HostRef[] used = new HostRef[1];
        try {
            return QuarkusTransaction.requiringNew().timeout(SrService.LONG_TX_SECONDS).call(() -> {
                Sr sr = records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
                HostRef host = records.workingHost(sr);
                used[0] = host;
                return work.run(sr, host);
            });
        } catch (RuntimeException e) {
            if (created != null && used[0] != null && !(e instanceof XenplaneException)) {
                try {
                    daemon.deleteVolume(used[0], srId, created, operationId + "/undo");
                } catch (RuntimeException undo) {
                    LOG.warnf("Could not delete volume %s of SR %s after a failed commit: %s", created, srId, undo.getMessage());
                }
            }
            throw e;
        }
    }
}
