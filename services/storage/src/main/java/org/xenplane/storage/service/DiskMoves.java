package org.xenplane.storage.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.api.AttachedDisk;

/**
 * The storage half of a live migration. Before the domain moves, every volume of the VM is
 * activated on the destination as well (its SRs must be plugged there: {@code SR_NOT_ATTACHED});
 * after it moved, the VBDs are recorded attached on the destination and the volumes are released
 * on the source; if the move failed, they are released on the destination instead.
 */
@ApplicationScoped
public class DiskMoves {
    private final StorageDaemonClient daemon;
    private final Hosts hosts;
    private final StorageRecords records;
    private final DiskAttachments attachments;

    public DiskMoves(StorageDaemonClient daemon, Hosts hosts, StorageRecords records, DiskAttachments attachments) {
        this.daemon = daemon;
        this.hosts = hosts;
        this.records = records;
        this.attachments = attachments;
    }

    private record Volume(Vbd vbd, UUID srId) {
    }

    public List<AttachedDisk> prepare(UUID vmId, UUID toHost, String operationId) {
        HostRef[] host = new HostRef[1];
        List<Volume> volumes = QuarkusTransaction.requiringNew().call(() -> {
            host[0] = hosts.liveDaemon(toHost);
            List<Volume> out = new ArrayList<>();
            for (Vbd vbd : attachedVbds(vmId, LockModeType.PESSIMISTIC_READ)) {
                UUID srId = vbd.vdiId == null ? null : records.vdi(vbd.vdiId, LockModeType.NONE).srId;
                if (srId != null && !records.pluggedOn(srId, toHost)) {
                    throw new XenplaneException(ErrorCode.SR_NOT_ATTACHED, srId, toHost);
                }
                out.add(new Volume(vbd, srId));
            }
            return out;
        });
        List<AttachedDisk> disks = new ArrayList<>();
        try {
            for (Volume v : volumes) {
                disks.add(DiskAttachments.disk(v.vbd(), toHost, v.srId() == null ? null
                        : daemon.activate(host[0], v.srId(), v.vbd().vdiId, operationId + "/" + v.vbd().id)));
            }
        } catch (RuntimeException e) {
            abort(vmId, toHost, operationId + "/undo");
            throw e;
        }
        return disks;
    }

    public void complete(UUID vmId, UUID toHost, String operationId) {
        List<Volume> left = QuarkusTransaction.requiringNew().call(() -> {
            List<Volume> out = new ArrayList<>();
            for (Vbd vbd : attachedVbds(vmId, LockModeType.PESSIMISTIC_WRITE)) {
                if (toHost.equals(vbd.attachedHostId)) {
                    continue;
                }
                Vbd before = copyOf(vbd);
                vbd.attachedHostId = toHost;
                records.publish(vbd, EventOperation.MOD);
                if (vbd.vdiId != null) {
                    out.add(new Volume(before, records.vdi(vbd.vdiId, LockModeType.NONE).srId));
                }
            }
            return out;
        });
        for (Volume v : left) {
            releaseUnlessUsed(v.vbd().attachedHostId, v, operationId);
        }
    }

    public void abort(UUID vmId, UUID toHost, String operationId) {
        List<Volume> activated = QuarkusTransaction.requiringNew().call(() -> attachedVbds(vmId, LockModeType.NONE).stream()
                .filter(b -> b.vdiId != null && !toHost.equals(b.attachedHostId))
                .map(b -> new Volume(copyOf(b), records.vdi(b.vdiId, LockModeType.NONE).srId)).toList());
        for (Volume v : activated) {
            releaseUnlessUsed(toHost, v, operationId);
        }
    }

    private void releaseUnlessUsed(UUID hostId, Volume v, String operationId) {
        boolean used = QuarkusTransaction.requiringNew().call(() -> Vbd.count(
                "vdiId = ?1 and currentlyAttached = true and attachedHostId = ?2", v.vbd().vdiId, hostId) > 0);
        if (!used) {
            attachments.deactivate(hostId, v.srId(), v.vbd().vdiId, operationId + "/" + v.vbd().id);
        }
    }

    private static List<Vbd> attachedVbds(UUID vmId, LockModeType lock) {
        return Vbd.<Vbd>find("vmId = ?1 and currentlyAttached = true order by userdevice", vmId).withLock(lock).list();
    }

    private static Vbd copyOf(Vbd vbd) {
        Vbd copy = new Vbd();
        copy.id = vbd.id;
        copy.vmId = vbd.vmId;
        copy.vdiId = vbd.vdiId;
        copy.attachedHostId = vbd.attachedHostId;
        return copy;
    }
}
