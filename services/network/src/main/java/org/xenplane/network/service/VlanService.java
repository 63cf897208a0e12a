package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
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
import org.xenplane.network.model.Bond;
import org.xenplane.network.model.Network;
import org.xenplane.network.model.Pif;
import org.xenplane.network.model.Vlan;
import org.xenplane.network.api.VlanView;

/**
 * VLANs: created on every host of the pool that has the device, in two steps. First the records,
 * in one transaction under the network's lock; the tag's uniqueness on each tagged PIF is the
 * database's {@code vlan_tag_unique} constraint, so two concurrent requests for one tag cannot
 * both win. Then each live host's daemon makes the VLAN's bridge. If a host refuses, the bridges
 * already made are removed and the records deleted: nothing is left half-done.
 */
@ApplicationScoped
public class VlanService {
    private static final Logger LOG = Logger.getLogger(VlanService.class);

    private final EntityManager em;
    private final EventPublisher events;
    private final NetworkViews views;
    private final Hosts hosts;
    private final NetworkDaemonClient daemons;
    private final HostBridges bridges;
    private final PifService pifs;
    private final NetworkClaims claims;

    public VlanService(EntityManager em, EventPublisher events, NetworkViews views, Hosts hosts,
                       NetworkDaemonClient daemons, HostBridges bridges, PifService pifs, NetworkClaims claims) {
        this.claims = claims;
        this.em = em;
        this.events = events;
        this.views = views;
        this.hosts = hosts;
        this.daemons = daemons;
        this.bridges = bridges;
        this.pifs = pifs;
    }

    @Transactional
    public List<VlanView> list() {
        return Vlan.<Vlan>find("order by tag, id").stream().map(views::vlan).toList();
    }

    @Transactional
    public VlanView get(UUID id) {
        return views.vlan(find(id, LockModeType.NONE));
    }

    private record Created(UUID hostId, UUID pifId, UUID vlanId) {
    }

    /** vlan.create across the pool; returns the network. */
    public UUID createAcrossPool(UUID networkId, String requestedDevice, Integer requestedTag, TaskContext context) {
        int tag = Checks.vlanTag(requestedTag);
        String device = Checks.interfaceName("device", requestedDevice);
        List<Created> created = QuarkusTransaction.requiringNew().call(() -> record(networkId, device, tag));
        String bridge = QuarkusTransaction.requiringNew().call(() -> Network.<Network>findById(networkId).bridge);
        List<Created> plugged = new ArrayList<>();
        try {
            for (Created c : created) {
                context.checkCancelled();
                HostRef host = hosts.require(c.hostId());
                if (host.live()) {
                    bridges.ensure(host, networkId, context.taskId() + "-" + host.id());
                    plugged.add(c);
                }
                context.progress((plugged.size() + 0.5) / (created.size() + 1));
            }
        } catch (RuntimeException e) {
            LOG.infof("VLAN %d on %s failed (%s): undoing it on %d host(s)", tag, device, e.getMessage(), plugged.size());
            for (Created c : plugged) {
                try {
                    daemons.removeBridge(hosts.require(c.hostId()), bridge, context.taskId() + "-undo-" + c.hostId());
                } catch (XenplaneException undo) {
                    LOG.warnf("Could not remove bridge %s from host %s while undoing: %s", bridge, c.hostId(), undo.getMessage());
                }
            }
            QuarkusTransaction.requiringNew().run(() -> created.forEach(c -> delete(Vlan.findById(c.vlanId()))));
            throw e;
        }
        pifs.markAttached(plugged.stream().map(Created::pifId).toList());
        return networkId;
    }

    private List<Created> record(UUID networkId, String device, int tag) {
        Network network = NetworkService.find(networkId, LockModeType.PESSIMISTIC_WRITE);
        claims.assertFree(Network.CLASS, networkId);
        List<Pif> parents = Pif.<Pif>list("device = ?1 and vlanTag = -1 order by hostId", device).stream()
                .filter(p -> p.physical || Bond.count("masterPifId", p.id) > 0).toList();
        if (parents.isEmpty()) {
            throw new XenplaneException(ErrorCode.PIF_UNKNOWN_DEVICE, "", device);
        }
        List<Created> created = new ArrayList<>();
        for (Pif parent : parents) {
            if (parent.bondSlaveOf != null) {
                throw new XenplaneException(ErrorCode.CANNOT_ADD_VLAN_TO_BOND_SLAVE, parent.id);
            }
            claims.assertFree(Pif.CLASS, parent.id); // a bond being destroyed
            Pif connected = Pif.find("hostId = ?1 and networkId = ?2", parent.hostId, networkId).firstResult();
            if (connected != null) {
                throw new XenplaneException(ErrorCode.NETWORK_ALREADY_CONNECTED, networkId, connected.id);
            }
            created.add(insert(parent, network, tag));
        }
        return created;
    }

    private Created insert(Pif parent, Network network, int tag) {
        UUID pifId = UUID.randomUUID();
        int pif = em.createNativeQuery("""
                        insert into pif (id, version, host_id, network_id, device, mac, mtu, vlan_tag, physical)
                        values (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, false) on conflict do nothing""")
                .setParameter(1, pifId).setParameter(2, parent.hostId).setParameter(3, network.id)
                .setParameter(4, parent.device).setParameter(5, parent.mac).setParameter(6, network.mtu)
                .setParameter(7, tag).executeUpdate();
        UUID vlanId = UUID.randomUUID();
        int vlan = pif == 0 ? 0 : em.createNativeQuery("""
                        insert into vlan (id, version, tagged_pif_id, untagged_pif_id, tag) values (?1, 0, ?2, ?3, ?4)
                        on conflict (tagged_pif_id, tag) do nothing""")
                .setParameter(1, vlanId).setParameter(2, parent.id).setParameter(3, pifId).setParameter(4, tag)
                .executeUpdate();
        if (vlan == 0) {
            throw new XenplaneException(ErrorCode.VLAN_TAG_IN_USE, parent.id, tag);
        }
        Pif untagged = Pif.findById(pifId);
        Vlan created = Vlan.findById(vlanId);
        events.publish(Pif.CLASS, EventOperation.ADD, pifId, () -> views.pif(untagged));
        events.publish(Vlan.CLASS, EventOperation.ADD, vlanId, () -> views.vlan(created));
        return new Created(parent.hostId, pifId, vlanId);
    }

    /** What an operation on one host's bridge admitted: the daemon (null: not Xenplane's bridge), the bridge, the PIF. */
    record BridgeWork(HostRef host, String bridge, UUID pifId) {
    }

    /**
     * vlan.destroy on one host: the VLAN's PIF is marked ({@link NetworkClaims}) in a short
     * transaction, the VLAN's bridge goes from the host with no transaction open (the daemon refuses
     * while VIFs are attached to it), then the VLAN and its PIF go in another.
     */
    public void destroy(UUID id, UUID task, String operationId) {
        BridgeWork work = QuarkusTransaction.requiringNew().call(() -> {
            Vlan vlan = find(id, LockModeType.PESSIMISTIC_WRITE);
            Pif untagged = Pif.findById(vlan.untaggedPifId, LockModeType.PESSIMISTIC_WRITE);
            Network network = Network.findById(untagged.networkId);
            claims.claim(Pif.CLASS, untagged.id, VlanOperation.DESTROY.id(), task);
            return new BridgeWork(network.managed ? hosts.require(untagged.hostId) : null, network.bridge, untagged.id);
        });
        try {
            if (work.host() != null) {
                daemons.removeBridge(work.host(), work.bridge(), operationId);
            }
            QuarkusTransaction.requiringNew().run(() -> delete(find(id, LockModeType.PESSIMISTIC_WRITE)));
        } finally {
            claims.release(Pif.CLASS, work.pifId(), task);
        }
    }

    /** vlan.destroy of every VLAN of a network, host by host; returns how many. */
    public int destroyOnNetwork(UUID networkId, TaskContext context) {
        List<UUID> vlans = QuarkusTransaction.requiringNew().call(() -> {
            NetworkService.find(networkId, LockModeType.NONE);
            return Vlan.<Vlan>list("untaggedPifId in (select p.id from Pif p where p.networkId = ?1)", networkId)
                    .stream().map(v -> v.id).toList();
        });
        for (int i = 0; i < vlans.size(); i++) {
            context.checkCancelled();
            destroy(vlans.get(i), context.taskId(), context.taskId() + "-" + vlans.get(i));
            context.progress((i + 1.0) / (vlans.size() + 1));
        }
        return vlans.size();
    }

    private void delete(Vlan vlan) {
        VlanView last = views.vlan(vlan);
        Pif untagged = Pif.findById(vlan.untaggedPifId);
        var lastPif = views.pif(untagged);
        vlan.delete();
        em.flush();
        untagged.delete();
        events.publish(Vlan.CLASS, EventOperation.DEL, vlan.id, () -> last);
        events.publish(Pif.CLASS, EventOperation.DEL, untagged.id, () -> lastPif);
    }

    static Vlan find(UUID id, LockModeType lock) {
        Vlan vlan = Vlan.findById(id, lock);
        if (vlan == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Vlan.CLASS, id);
        }
        return vlan;
    }
}
