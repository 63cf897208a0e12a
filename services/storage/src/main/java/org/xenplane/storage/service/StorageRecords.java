package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.daemon.protocol.storage.SrSpec;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;

/** Finding storage records (with the lock an operation needs), publishing their events, and choosing a host to work through. */
@ApplicationScoped
public class StorageRecords {
    private final EventPublisher events;
    private final StorageViews views;
    private final Hosts hosts;

    public StorageRecords(EventPublisher events, StorageViews views, Hosts hosts) {
        this.events = events;
        this.views = views;
        this.hosts = hosts;
    }

    public Sr sr(UUID id, LockModeType lock) {
        return found(Sr.findById(id, lock), Sr.CLASS, id);
    }

    public Pbd pbd(UUID id, LockModeType lock) {
        return found(Pbd.findById(id, lock), Pbd.CLASS, id);
    }

    public Vdi vdi(UUID id, LockModeType lock) {
        return found(Vdi.findById(id, lock), Vdi.CLASS, id);
    }

    public Vbd vbd(UUID id, LockModeType lock) {
        return found(Vbd.findById(id, lock), Vbd.CLASS, id);
    }

    private static <T> T found(T entity, String objectClass, UUID id) {
        if (entity == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, objectClass, id);
        }
        return entity;
    }

    public void publish(Sr sr, EventOperation op) {
        if (op == EventOperation.DEL) {
            var last = views.sr(sr);
            events.publish(Sr.CLASS, op, sr.id, () -> last);
        } else {
            events.publish(Sr.CLASS, op, sr.id, () -> views.sr(sr));
        }
    }

    public void publish(Pbd pbd, EventOperation op) {
        events.publish(Pbd.CLASS, op, pbd.id, op == EventOperation.DEL ? constant(views.pbd(pbd)) : () -> views.pbd(pbd));
    }

    public void publish(Vdi vdi, EventOperation op) {
        events.publish(Vdi.CLASS, op, vdi.id, op == EventOperation.DEL ? constant(views.vdi(vdi)) : () -> views.vdi(vdi));
    }

    public void publish(Vbd vbd, EventOperation op) {
        events.publish(Vbd.CLASS, op, vbd.id, op == EventOperation.DEL ? constant(views.vbd(vbd)) : () -> views.vbd(vbd));
    }

    private static <T> java.util.function.Supplier<T> constant(T value) {
        return () -> value;
    }

    /** The device config a daemon needs for an SR on one of its hosts. */
    public static SrSpec spec(Sr sr, Pbd pbd) {
        return new SrSpec(sr.type, pbd == null ? sr.deviceConfig : pbd.deviceConfig, null);
    }

    /**
     * A live host where the SR is plugged, to run volume operations through: the SR's own host
     * for a local SR, else the first live host with a plugged PBD.
     */
    public HostRef workingHost(Sr sr) {
        List<Pbd> plugged = Pbd.list("srId = ?1 and currentlyAttached = true order by hostId", sr.id);
        for (Pbd pbd : plugged) {
            if ((sr.hostId == null || sr.hostId.equals(pbd.hostId)) && hosts.isLive(pbd.hostId)) {
                return hosts.liveDaemon(pbd.hostId);
            }
        }
        if (!plugged.isEmpty()) {
            return hosts.liveDaemon(plugged.get(0).hostId); // HOST_OFFLINE names it
        }
        throw new XenplaneException(ErrorCode.SR_HAS_NO_PBDS, sr.id);
    }

    /** Whether the SR is plugged on the host. */
    public boolean pluggedOn(UUID srId, UUID hostId) {
        return Pbd.count("srId = ?1 and hostId = ?2 and currentlyAttached = true", srId, hostId) > 0;
    }
}
