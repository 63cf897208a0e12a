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
import org.xenplane.daemon.protocol.storage.SrStats;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.rest.PbdView;

/** PBD plug and unplug: an SR's storage made usable on one host, or released there. */
@ApplicationScoped
public class PbdService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PbdService.class);
    private final StorageDaemonClient daemon;
    private final Hosts hosts;
    private final StorageRecords records;
    private final StorageViews views;

    public PbdService(StorageDaemonClient daemon, Hosts hosts, StorageRecords records, StorageViews views) {
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

    public void plug(UUID id, TaskContext ctx) {
        QuarkusTransaction.requiringNew().timeout(SrService.LONG_TX_SECONDS).run(() -> {
            // the SR's row before the PBD's: the order of DiskLocks (an attach holds VDI and VBD rows, then reads the PBD)
            UUID srId = Pbd.find("select p.srId from Pbd p where p.id = ?1", id).project(UUID.class).firstResult();
            Sr sr = srId == null ? null : records.sr(srId, LockModeType.PESSIMISTIC_WRITE);
            Pbd pbd = records.pbd(id, LockModeType.PESSIMISTIC_WRITE); // HANDLE_INVALID when there is no such PBD
            PbdOperation.PLUG.assertAllowed(views.pbdState(pbd));
            HostRef host = hosts.liveDaemon(pbd.hostId);
            SrStats stats = daemon.attachSr(host, sr.id, StorageRecords.spec(sr, pbd), ctx.taskId() + "/attach");
            pbd.currentlyAttached = true;
            sr.physicalSize = stats.physicalSize();
            sr.physicalUtilisation = stats.physicalUtilisation();
            records.publish(pbd, EventOperation.MOD);
            records.publish(sr, EventOperation.MOD);
        });
    }

    public void unplug(UUID id, TaskContext ctx) {
        QuarkusTransaction.requiringNew().timeout(SrService.LONG_TX_SECONDS).run(() -> {
            Pbd pbd = records.pbd(id, LockModeType.PESSIMISTIC_WRITE);
            PbdOperation.UNPLUG.assertAllowed(views.pbdState(pbd));
            if (hosts.isLive(pbd.hostId)) {
                daemon.detachSr(hosts.liveDaemon(pbd.hostId), pbd.srId, ctx.taskId() + "/detach");
            } else {
                LOG.warnf("Host %s is not live: PBD %s is marked unplugged without its daemon", pbd.hostId, pbd.id);
            }
            pbd.currentlyAttached = false;
            records.publish(pbd, EventOperation.MOD);
            records.publish(records.sr(pbd.srId, LockModeType.NONE), EventOperation.MOD);
        });
    }
}
