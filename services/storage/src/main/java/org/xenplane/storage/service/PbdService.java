package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.TaskContext;
import org.xenplane.daemon.protocol.storage.SrSpec;
import org.xenplane.daemon.protocol.storage.SrStats;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.api.PbdView;

/** PBD plug and unplug: an SR's storage made usable on one host, or released there. */
@ApplicationScoped
public class PbdService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PbdService.class);
    private final StorageDaemonClient daemon;
    private final Hosts hosts;
    private final StorageRecords records;
    private final StorageViews views;
    private final SrClaims claims;

    public PbdService(StorageDaemonClient daemon, Hosts hosts, StorageRecords records, StorageViews views,
                      SrClaims claims) {
        this.claims = claims;
        this.daemon = daemon;
        this.hosts = hosts;
        this.records = records;
        this.views = views;
    }

    public List<PbdView> list(UUID srId) {
        return QuarkusTransaction.joiningExisting().call(() -> (srId == null
                ? Pbd.<Pbd>list("order by srId, hostId") : Pbd.<Pbd>list("srId = ?1 order by hostId", srId))
                .stream().map(views::pbd).toList());
    }

    public PbdView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> views.pbd(records.pbd(id, LockModeType.NONE)));
    }

    /** What a PBD operation admitted: the PBD's SR and host, the daemon to call (null when not live), the spec. */
    private record Admitted(UUID srId, UUID hostId, HostRef host, SrSpec spec) {
    }

    /**
     * pbd.plug: the SR is marked {@code pbd.plug} ({@link SrClaims}) in a short transaction, the daemon
     * attaches the storage with no transaction open, and another records the PBD plugged.
     */
    public void plug(UUID id, TaskContext ctx) {
        Admitted a = QuarkusTransaction.requiringNew().call(() -> {
            Pbd pbd = admit(id, PbdOperation.PLUG, ctx);
            Sr sr = records.sr(pbd.srId, LockModeType.NONE);
            return new Admitted(sr.id, pbd.hostId, hosts.liveDaemon(pbd.hostId), StorageRecords.spec(sr, pbd));
        });
        try {
            SrStats stats = daemon.attachSr(a.host(), a.srId(), a.spec(), ctx.taskId() + "/attach");
            QuarkusTransaction.requiringNew().run(() -> {
                Sr sr = records.sr(a.srId(), LockModeType.PESSIMISTIC_WRITE);
                Pbd pbd = records.pbd(id, LockModeType.PESSIMISTIC_WRITE);
                pbd.currentlyAttached = true;
                sr.physicalSize = stats.physicalSize();
                sr.physicalUtilisation = stats.physicalUtilisation();
                claims.releaseIn(sr, ctx.taskId());
                records.publish(pbd, EventOperation.MOD);
                records.publish(sr, EventOperation.MOD);
            });
        } finally {
            claims.release(a.srId(), ctx.taskId());
        }
    }

    /**
     * pbd.unplug: the PBD is recorded unplugged and its SR marked {@code pbd.unplug} in a short
     * transaction (so that no VM attaches a disk there meanwhile), then the daemon detaches the storage
     * with no transaction open; should it fail, the PBD is recorded plugged again.
     */
    public void unplug(UUID id, TaskContext ctx) {
        Admitted a = QuarkusTransaction.requiringNew().call(() -> {
            Pbd pbd = admit(id, PbdOperation.UNPLUG, ctx);
            pbd.currentlyAttached = false;
            records.publish(pbd, EventOperation.MOD);
            return new Admitted(pbd.srId, pbd.hostId, hosts.isLive(pbd.hostId) ? hosts.liveDaemon(pbd.hostId) : null, null);
        });
        try {
            if (a.host() != null) {
                daemon.detachSr(a.host(), a.srId(), ctx.taskId() + "/detach");
            } else {
                LOG.warnf("Host %s is not live: PBD %s is marked unplugged without its daemon", a.hostId(), id);
            }
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                Pbd pbd = records.pbd(id, LockModeType.PESSIMISTIC_WRITE);
                pbd.currentlyAttached = true;
                records.publish(pbd, EventOperation.MOD);
            });
            throw e;
        } finally {
            claims.release(a.srId(), ctx.taskId());
        }
    }

    /**
     * Locks the PBD's SR (first: the order of {@link DiskLocks}; an attach holds VDI and VBD rows, then
     * reads the PBD) and the PBD, checks the operation, and marks the SR.
     */
    private Pbd admit(UUID id, PbdOperation operation, TaskContext ctx) {
        UUID srId = Pbd.find("select p.srId from Pbd p where p.id = ?1", id).project(UUID.class).firstResult();
        Sr sr = srId == null ? null : records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
        Pbd pbd = records.pbd(id, LockModeType.PESSIMISTIC_WRITE); // HANDLE_INVALID when there is no such PBD
        operation.assertAllowed(views.pbdState(pbd));
        claims.claim(sr, operation.id(), ctx.taskId());
        return pbd;
    }
}
