package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostEndpoint;
import org.xenplane.core.daemon.DaemonHosts;
import org.xenplane.core.daemon.NetworkDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.network.model.Pif;
import org.xenplane.network.rest.PifView;

/** PIFs: reading them and reconfiguring their IP. */
@ApplicationScoped
public class PifService {
    private final EventPublisher events;
    private final NetworkViews views;
    private final DaemonHosts hosts;
    private final NetworkDaemonClient daemons;
    private final HostBridges bridges;

    public PifService(EventPublisher events, NetworkViews views, DaemonHosts hosts, NetworkDaemonClient daemons,
                      HostBridges bridges) {
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
     * the management interface and on bond members. The PIF's row is locked throughout, so two
     * reconfigurations of one PIF take turns.
     */
    @Transactional
    public PifView reconfigureIp(UUID id, IpConfig requested, String operationId) {
        IpConfig config = Checks.ip(requested);
        Pif pif = find(id, LockModeType.PESSIMISTIC_WRITE);
        PifOperation.RECONFIGURE_IP.assertAllowed(pif);
        HostEndpoint host = hosts.get(pif.hostId);
        BridgeSpec bridge = bridges.ensure(host, pif.networkId, operationId + "-bridge");
        daemons.configureIp(host, bridge.name(), config, operationId + "-ip");
        pif.ipMode = config.mode().wireName();
        pif.ipAddress = config.address();
        pif.netmask = config.netmask();
        pif.gateway = config.gateway();
        pif.dns = new ArrayList<>(config.dns());
        pif.currentlyAttached = true;
        events.publish(Pif.CLASS, EventOperation.MOD, pif.id, () -> views.pif(pif));
        return views.pif(pif);
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
