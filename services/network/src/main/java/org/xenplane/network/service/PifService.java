package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.NetworkDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.network.model.Pif;
import org.xenplane.network.api.PifView;

/** PIFs: reading them and reconfiguring their IP. */
@ApplicationScoped
public class PifService {
    private final EventPublisher events;
    private final NetworkViews views;
    private final Hosts hosts;
    private final NetworkDaemonClient daemons;
    private final HostBridges bridges;
    private final NetworkClaims claims;

    public PifService(EventPublisher events, NetworkViews views, Hosts hosts, NetworkDaemonClient daemons,
                      HostBridges bridges, NetworkClaims claims) {
        this.claims = claims;
        this.events = events;
        this.views = views;
        this.hosts = hosts;
        this.daemons = daemons;
        this.bridges = bridges;
    }

    @Transactional
    public List<PifView> list(UUID hostId) {
        List<Pif> pifs = hostId == null ? Pif.list("order by hostId, device, vlanTag")
                : Pif.list("hostId = ?1 order by device, vlanTag", hostId);
        return pifs.stream().map(views::pif).toList();
    }

    @Transactional
    public PifView get(UUID id) {
        return views.pif(find(id, LockModeType.NONE));
    }

    /**
     * pif.reconfigure_ip: makes the PIF's network bridge on its host (with the PIF as its uplink)
     * and gives the bridge the configuration, then records it. Refused before anything changes on
     * the management interface and on bond members. The PIF is marked ({@link NetworkClaims}) in a
     * short transaction while the host works, with no transaction open, so two reconfigurations of
     * one PIF do not interleave: the second is refused with {@code OTHER_OPERATION_IN_PROGRESS}.
     */
    public PifView reconfigureIp(UUID id, IpConfig requested, UUID task, String operationId) {
        IpConfig config = Checks.ip(requested);
        record Admitted(HostRef host, UUID networkId) {
        }
        Admitted admitted = QuarkusTransaction.requiringNew().call(() -> {
            Pif pif = find(id, LockModeType.PESSIMISTIC_WRITE);
            PifOperation.RECONFIGURE_IP.assertAllowed(pif);
            claims.claim(Pif.CLASS, id, PifOperation.RECONFIGURE_IP.id(), task);
            return new Admitted(hosts.require(pif.hostId), pif.networkId);
        });
        try {
            BridgeSpec bridge = bridges.ensure(admitted.host(), admitted.networkId(), operationId + "-bridge");
            daemons.configureIp(admitted.host(), bridge.name(), config, operationId + "-ip");
            return QuarkusTransaction.requiringNew().call(() -> {
                Pif pif = find(id, LockModeType.PESSIMISTIC_WRITE);
                pif.ipMode = config.mode().wireName();
                pif.ipAddress = config.address();
                pif.netmask = config.netmask();
                pif.gateway = config.gateway();
                pif.dns = new ArrayList<>(config.dns());
                pif.currentlyAttached = true;
                events.publish(Pif.CLASS, EventOperation.MOD, pif.id, () -> views.pif(pif));
                return views.pif(pif);
            });
        } finally {
            claims.release(Pif.CLASS, id, task);
        }
    }

    /** Marks PIFs attached (their bridges were made on their hosts), each with an event. */
    public void markAttached(List<UUID> pifIds) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : pifIds) {
                Pif pif = Pif.findById(id);
                if (pif != null && !pif.currentlyAttached) {
                    pif.currentlyAttached = true;
                    events.publish(Pif.CLASS, EventOperation.MOD, pif.id, () -> views.pif(pif));
                }
            }
        });
    }

    static Pif find(UUID id, LockModeType lock) {
        Pif pif = Pif.findById(id, lock);
        if (pif == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Pif.CLASS, id);
        }
        return pif;
    }
}
