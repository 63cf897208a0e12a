package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.NetworkDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.task.TaskContext;
import org.xenplane.network.model.Network;
import org.xenplane.network.api.NetworkCreate;
import org.xenplane.network.api.NetworkUpdate;
import org.xenplane.network.api.NetworkView;

/** Networks: reading, creating, changing, destroying (with their bridges on the hosts). */
@ApplicationScoped
public class NetworkService {
    private static final Logger LOG = Logger.getLogger(NetworkService.class);

    private final EntityManager em;
    private final EventPublisher events;
    private final NetworkViews views;
    private final Hosts hosts;
    private final NetworkDaemonClient daemons;
    private final int defaultMtu;
    private final NetworkClaims claims;

    public NetworkService(EntityManager em, EventPublisher events, NetworkViews views, Hosts hosts,
                          NetworkDaemonClient daemons, NetworkConfig config,
                          NetworkClaims claims) {
        this.claims = claims;
        this.em = em;
        this.events = events;
        this.views = views;
        this.hosts = hosts;
        this.daemons = daemons;
        this.defaultMtu = config.defaultMtu();
    }

    @Transactional
    public List<NetworkView> list() {
        return Network.<Network>find("order by name, id").stream().map(views::network).toList();
    }

    @Transactional
    public NetworkView get(UUID id) {
        return views.network(find(id, LockModeType.NONE));
    }

    /** network.create: the record only; bridges are made on the hosts that need them. */
    @Transactional
    public NetworkView create(NetworkCreate request) {
        int mtu = Checks.mtu(request.mtu(), defaultMtu);
        String bridge = request.bridge() == null ? null : Checks.interfaceName("bridge", request.bridge());
        boolean managed = request.managed() == null || request.managed();
        UUID id = UUID.randomUUID();
        while (true) {
            String name = bridge != null ? bridge : "xapi" + em.createNativeQuery("select nextval('network_bridge_seq')")
                    .getSingleResult();
            if (insert(id, request.name(), request.description(), name, mtu, managed) == 1) {
                break;
            }
            if (bridge != null) {
                throw new XenplaneException(ErrorCode.BRIDGE_NAME_IN_USE, bridge);
            }
        }
        Network network = em.find(Network.class, id);
        network.otherConfig = new HashMap<>(Checks.otherConfig(request.otherConfig()));
        events.publish(Network.CLASS, EventOperation.ADD, id, () -> views.network(network));
        return views.network(network);
    }

    /** Inserts a network unless its bridge is taken; 1 when inserted. */
    int insert(UUID id, String name, String description, String bridge, int mtu, boolean managed) {
        return em.createNativeQuery("""
                        insert into network (id, version, name, description, bridge, mtu, managed, other_config, created_at)
                        values (?1, 0, ?2, ?3, ?4, ?5, ?6, '{}', now()) on conflict (bridge) do nothing""")
                .setParameter(1, id).setParameter(2, name).setParameter(3, description == null ? "" : description)
                .setParameter(4, bridge).setParameter(5, mtu).setParameter(6, managed).executeUpdate();
    }

    @Transactional
    public NetworkView update(UUID id, NetworkUpdate update) {
        Network network = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (update.name() != null) {
            network.name = update.name();
        }
        if (update.description() != null) {
            network.description = update.description();
        }
        if (update.otherConfig() != null) {
            network.otherConfig = new HashMap<>(Checks.otherConfig(update.otherConfig()));
        }
        events.publish(Network.CLASS, EventOperation.MOD, id, () -> views.network(network));
        return views.network(network);
    }

    /** The destroy refusal as of now, so that a client hears it at once rather than from a failed task. */
    @Transactional
    public void assertDestroyable(UUID id) {
        Network network = find(id, LockModeType.NONE);
        NetworkOperation.DESTROY.assertAllowed(network, views.usage(network));
    }

    /**
     * network.destroy: refused while VIFs or PIFs use it. The network is marked ({@link NetworkClaims})
     * in a short transaction, so that no VIF or PIF joins it meanwhile; a managed network's bridge is
     * removed from every live host with no transaction open; then the record goes. A daemon's refusal
     * leaves the network recorded (the bridges already removed are made again when a VM needs them).
     */
    public void destroy(UUID id, TaskContext context) {
        record Admitted(String bridge, List<HostRef> hosts) {
        }
        Admitted admitted = QuarkusTransaction.requiringNew().call(() -> {
            Network network = find(id, LockModeType.PESSIMISTIC_WRITE);
            NetworkOperation.DESTROY.assertAllowed(network, views.usage(network));
            claims.claim(Network.CLASS, id, NetworkOperation.DESTROY.id(), context.taskId());
            return new Admitted(network.bridge,
                    network.managed ? hosts.all().stream().filter(HostRef::live).toList() : List.of());
        });
        try {
            List<HostRef> live = admitted.hosts();
            for (int i = 0; i < live.size(); i++) {
                context.checkCancelled();
                daemons.removeBridge(live.get(i), admitted.bridge(), context.taskId() + "-" + live.get(i).id());
                context.progress((i + 1.0) / (live.size() + 1));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Network network = find(id, LockModeType.PESSIMISTIC_WRITE);
                NetworkOperation.DESTROY.assertAllowed(network, views.usage(network)); // a VM clone copies VIFs
                NetworkView last = views.network(network);
                network.delete();
                events.publish(Network.CLASS, EventOperation.DEL, id, () -> last);
                LOG.infof("Network %s (%s, bridge %s) destroyed", last.name(), id, last.bridge());
            });
        } finally {
            claims.release(Network.CLASS, id, context.taskId());
        }
    }

    static Network find(UUID id, LockModeType lock) {
        Network network = Network.findById(id, lock);
        if (network == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Network.CLASS, id);
        }
        return network;
    }
}
