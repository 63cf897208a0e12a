package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.TaskContext;
import org.xenplane.daemon.protocol.storage.SrSpec;
import org.xenplane.daemon.protocol.storage.SrStats;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.api.SrCreate;
import org.xenplane.storage.api.SrView;

/**
 * SR create, introduce, forget and destroy. Daemon work comes first and is undone if a later
 * step fails, so an SR record exists exactly when its storage is plugged where it says.
 */
@ApplicationScoped
public class SrService {
    private static final Logger LOG = Logger.getLogger(SrService.class);

    private final StorageDaemonClient daemon;
    private final Hosts hosts;
    private final StorageRecords records;
    private final StorageViews views;
    private final SrScanner scanner;
    private final SrClaims claims;

    public SrService(StorageDaemonClient daemon, Hosts hosts, StorageRecords records, StorageViews views,
                     SrScanner scanner, SrClaims claims) {
        this.claims = claims;
        this.daemon = daemon;
        this.hosts = hosts;
        this.records = records;
        this.views = views;
        this.scanner = scanner;
    }

    public List<SrView> list() {
        return QuarkusTransaction.joiningExisting().call(() ->
                Sr.<Sr>list("order by name, id").stream().map(views::sr).toList());
    }

    public SrView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> views.sr(records.sr(id, LockModeType.NONE)));
    }

    /**
     * sr.create, sr.introduce (storage that exists, marked as an SR's or empty) or sr.adopt (storage
     * that may hold volumes of no SR): answers the SR's id.
     */
    public UUID create(SrCreate req, TaskContext ctx, SrOperation operation) {
        boolean introduce = operation != SrOperation.CREATE;
        DeviceConfigRules.Type type = DeviceConfigRules.check(req.type(), req.deviceConfig());
        boolean shared = req.shared() != null ? req.shared() : type == DeviceConfigRules.Type.NFS;
        if (type == DeviceConfigRules.Type.LVM && shared) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "shared", "an lvm SR is local to one host");
        }
        if (type == DeviceConfigRules.Type.NFS && !shared) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "shared", "an nfs SR is shared");
        }
        if (introduce && req.id() == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "id", "the uuid of the SR to " + operation.id() + " is required");
        }
        if (!introduce && req.id() != null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "id", "only for sr.introduce; a new SR gets a new uuid");
        }
        UUID srId = introduce ? req.id() : UUID.randomUUID();
        List<HostRef> targets = QuarkusTransaction.requiringNew().call(() -> targets(srId, req, shared));
        SrSpec spec = new SrSpec(req.type(), req.deviceConfig(), operation == SrOperation.ADOPT ? Boolean.TRUE : null);
        String op = ctx.taskId() + "/";
        List<HostRef> plugged = new ArrayList<>();
        SrStats stats = null;
        try {
            if (!introduce) {
                daemon.createSr(targets.get(0), srId, spec, op + "create");
            }
            for (HostRef host : targets) {
                stats = daemon.attachSr(host, srId, spec, op + "attach/" + host.id());
                plugged.add(host);
            }
            SrStats finalStats = stats;
            QuarkusTransaction.requiringNew().run(() -> insert(srId, req, shared, targets, finalStats));
        } catch (RuntimeException e) {
            undo(srId, spec, plugged, introduce ? null : targets.get(0), op);
            throw e;
        }
        if (introduce) {
            scanner.scan(srId, ctx.taskId(), op + "scan");
        }
        return srId;
    }

    private List<HostRef> targets(UUID srId, SrCreate req, boolean shared) {
        if (Sr.findById(srId) != null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "id", "an SR with this uuid is known already");
        }
        List<UUID> hostIds;
        if (shared) {
            if (req.hostId() != null) {
                throw new XenplaneException(ErrorCode.INVALID_FIELD, "hostId", "a shared SR is plugged on every host");
            }
            hostIds = hosts.ids();
            if (hostIds.isEmpty()) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, SrOperation.CREATE.id(), "the pool has no hosts");
            }
        } else {
            if (req.hostId() == null) {
                throw new XenplaneException(ErrorCode.INVALID_FIELD, "hostId", "required for a local SR");
            }
            hostIds = List.of(req.hostId());
        }
        return hostIds.stream().map(hosts::liveDaemon).toList();
    }

    private void insert(UUID srId, SrCreate req, boolean shared, List<HostRef> targets, SrStats stats) {
        Sr sr = new Sr();
        sr.id = srId;
        sr.name = req.name();
        sr.description = req.description() == null ? "" : req.description();
        sr.type = req.type();
        sr.contentType = req.contentType() == null ? "user" : req.contentType();
        sr.shared = shared;
        sr.hostId = shared ? null : req.hostId();
        sr.deviceConfig = new HashMap<>(req.deviceConfig());
        sr.physicalSize = stats.physicalSize();
        sr.physicalUtilisation = stats.physicalUtilisation();
        sr.createdAt = Instant.now();
        sr.persist();
        for (HostRef host : targets) {
            Pbd pbd = new Pbd();
            pbd.id = UUID.randomUUID();
            pbd.srId = srId;
            pbd.hostId = host.id();
            pbd.deviceConfig = new HashMap<>(req.deviceConfig());
            pbd.currentlyAttached = true;
            pbd.persist();
            records.publish(pbd, EventOperation.ADD);
        }
        records.publish(sr, EventOperation.ADD);
    }

    private void undo(UUID srId, SrSpec spec, List<HostRef> plugged, HostRef created, String op) {
        for (HostRef host : plugged) {
            try {
                daemon.detachSr(host, srId, op + "undo-attach/" + host.id());
            } catch (RuntimeException e) {
                LOG.warnf("Could not unplug SR %s from host %s after a failed create: %s", srId, host.id(), e.getMessage());
            }
        }
        if (created != null) {
            try {
                daemon.destroySr(created, srId, spec, op + "undo-create");
            } catch (RuntimeException e) {
                LOG.warnf("Could not remove the storage of SR %s after a failed create: %s", srId, e.getMessage());
            }
        }
    }

    /**
     * sr.repair: a shared SR gets a PBD on every host that has none (hosts that joined after it
     * was created), then every unplugged PBD on a live host is plugged. Each plug is its own
     * step; the first failure is reported after the others were tried.
     */
    public void repair(UUID id, TaskContext ctx, PbdService pbds) {
        List<UUID> unplugged = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = records.sr(id, LockModeType.PESSIMISTIC_WRITE);
            SrOperation.REPAIR.assertAllowed(views.srState(sr));
            if (sr.shared) {
                for (UUID hostId : hosts.ids()) {
                    if (Pbd.count("srId = ?1 and hostId = ?2", sr.id, hostId) == 0) {
                        Pbd pbd = new Pbd();
                        pbd.id = UUID.randomUUID();
                        pbd.srId = sr.id;
                        pbd.hostId = hostId;
                        pbd.deviceConfig = new HashMap<>(sr.deviceConfig);
                        pbd.persist();
                        records.publish(pbd, EventOperation.ADD);
                        records.publish(sr, EventOperation.MOD);
                    }
                }
            }
            return Pbd.<Pbd>list("srId = ?1 and currentlyAttached = false order by hostId", sr.id).stream()
                    .filter(p -> hosts.isLive(p.hostId)).map(p -> p.id).toList();
        });
        RuntimeException first = null;
        for (UUID pbd : unplugged) {
            try {
                pbds.plug(pbd, ctx);
            } catch (RuntimeException e) {
                LOG.warnf("Repair of SR %s could not plug PBD %s: %s", id, pbd, e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** sr.forget: the records go, the storage stays (it can be introduced again). */
    public void forget(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Sr sr = records.sr(id, LockModeType.PESSIMISTIC_WRITE);
            SrOperation.FORGET.assertAllowed(views.srState(sr));
            deleteRecords(sr);
        });
    }

    /**
     * sr.destroy: the SR is marked {@code sr.destroy} ({@link SrClaims}) in a short transaction, its
     * storage is wiped through one live host with no transaction open, then its records go.
     */
    public void destroy(UUID id, TaskContext ctx) {
        record Admitted(HostRef host, SrSpec spec) {
        }
        Admitted a = QuarkusTransaction.requiringNew().call(() -> {
            Sr sr = records.sr(id, LockModeType.PESSIMISTIC_WRITE);
            SrOperation.DESTROY.assertAllowed(views.srState(sr));
            Pbd pbd = destroyVia(sr);
            HostRef host = hosts.liveDaemon(pbd.hostId);
            claims.claim(sr, SrOperation.DESTROY.id(), ctx.taskId());
            return new Admitted(host, StorageRecords.spec(sr, pbd));
        });
        try {
            daemon.destroySr(a.host(), id, a.spec(), ctx.taskId() + "/destroy");
            QuarkusTransaction.requiringNew().run(() -> deleteRecords(records.sr(id, LockModeType.PESSIMISTIC_WRITE)));
        } finally {
            claims.release(id, ctx.taskId());
        }
    }

    private Pbd destroyVia(Sr sr) {
        List<Pbd> pbds = Pbd.list("srId = ?1 order by hostId", sr.id);
        return pbds.stream().filter(p -> hosts.isLive(p.hostId)).findFirst()
                .orElseThrow(() -> new XenplaneException(ErrorCode.SR_HAS_NO_PBDS, sr.id));
    }

    private void deleteRecords(Sr sr) {
        List<Vdi> vdis = Vdi.list("srId", sr.id);
        Vdi.update("parentId = null where srId = ?1", sr.id);
        for (Vdi v : vdis) {
            records.publish(v, EventOperation.DEL);
            v.delete();
        }
        for (Pbd p : Pbd.<Pbd>list("srId", sr.id)) {
            records.publish(p, EventOperation.DEL);
            p.delete();
        }
        records.publish(sr, EventOperation.DEL);
        sr.delete();
    }
}
