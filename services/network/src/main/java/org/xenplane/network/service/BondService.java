package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.NetworkDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.network.model.Bond;
import org.xenplane.network.model.Network;
import org.xenplane.network.model.Pif;
import org.xenplane.network.model.Vlan;
import org.xenplane.network.api.BondCreate;
import org.xenplane.network.api.BondView;

/**
 * Bonds: the records first (the members locked, so that no two bonds take one NIC), then the
 * host's daemon makes the bond and its network's bridge; if it refuses, the records go again.
 */
@ApplicationScoped
public class BondService {
    private final EntityManager em;
    private final EventPublisher events;
    private final NetworkViews views;
    private final Hosts hosts;
    private final NetworkDaemonClient daemons;
    private final HostBridges bridges;
    private final PifService pifs;
    private final NetworkClaims claims;

    public BondService(EntityManager em, EventPublisher events, NetworkViews views, Hosts hosts,
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
    public List<BondView> list() {
        return Bond.<Bond>find("order by id").stream().map(views::bond).toList();
    }

    @Transactional
    public BondView get(UUID id) {
        return views.bond(find(id, LockModeType.NONE));
    }

    /** bond.create: returns the bond, its bridge made on its host. */
    public BondView create(BondCreate request, String operationId) {
        String mac = request.mac() == null ? null : Macs.normalise(request.mac());
        Set<UUID> distinct = new HashSet<>(request.members());
        if (distinct.size() < 2) {
            throw new XenplaneException(ErrorCode.PIF_BOND_NEEDS_MORE_MEMBERS, distinct.size());
        }
        UUID bondId = QuarkusTransaction.requiringNew().call(() -> record(request, mac));
        Bond bond = QuarkusTransaction.requiringNew().call(() -> Bond.<Bond>findById(bondId));
        Pif master = QuarkusTransaction.requiringNew().call(() -> Pif.<Pif>findById(bond.masterPifId));
        try {
            bridges.ensure(hosts.require(master.hostId), master.networkId, operationId);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> delete(Bond.findById(bondId)));
            throw e;
        }
        pifs.markAttached(List.of(master.id));
        return QuarkusTransaction.requiringNew().call(() -> views.bond(Bond.findById(bondId)));
    }

    private UUID record(BondCreate request, String mac) {
        Network network = NetworkService.find(request.networkId(), LockModeType.PESSIMISTIC_WRITE);
        claims.assertFree(Network.CLASS, network.id);
        List<Pif> members = new ArrayList<>();
        for (UUID id : new HashSet<>(request.members())) {
            members.add(PifService.find(id, LockModeType.PESSIMISTIC_WRITE));
            claims.assertFree(Pif.CLASS, id);
        }
        members.sort(Comparator.comparing(p -> p.device));
        UUID hostId = members.get(0).hostId;
        for (Pif member : members) {
            if (!member.hostId.equals(hostId)) {
                throw new XenplaneException(ErrorCode.PIF_CANNOT_BOND_CROSS_HOST, member.id);
            }
            if (member.isVlan()) {
                throw new XenplaneException(ErrorCode.PIF_IS_VLAN, member.id);
            }
            if (member.bondSlaveOf != null) {
                throw new XenplaneException(ErrorCode.PIF_ALREADY_BONDED, member.id);
            }
            if (!member.physical) {
                throw new XenplaneException(ErrorCode.PIF_IN_USE, member.id, "not a NIC: a bond's master");
            }
            if (member.management) {
                throw new XenplaneException(ErrorCode.PIF_IS_MANAGEMENT_INTERFACE, member.hostId, member.device);
            }
            if (Vlan.count("taggedPifId", member.id) > 0) {
                throw new XenplaneException(ErrorCode.PIF_IN_USE, member.id, "VLANs use it");
            }
        }
        Pif connected = Pif.find("hostId = ?1 and networkId = ?2", hostId, network.id).firstResult();
        if (connected != null) {
            throw new XenplaneException(ErrorCode.NETWORK_ALREADY_CONNECTED, network.id, connected.id);
        }
        Pif master = new Pif();
        master.id = UUID.randomUUID();
        master.hostId = hostId;
        master.networkId = network.id;
        master.device = freeBondName(hostId);
        master.mac = mac != null ? mac : members.get(0).mac;
        master.mtu = network.mtu;
        master.physical = false;
        master.persist();
        Bond bond = new Bond();
        bond.id = UUID.randomUUID();
        bond.masterPifId = master.id;
        bond.mode = request.mode().wireName();
        bond.persist();
        em.flush();
        for (Pif member : members) {
            member.bondSlaveOf = bond.id;
            events.publish(Pif.CLASS, EventOperation.MOD, member.id, () -> views.pif(member));
        }
        events.publish(Pif.CLASS, EventOperation.ADD, master.id, () -> views.pif(master));
        events.publish(Bond.CLASS, EventOperation.ADD, bond.id, () -> views.bond(bond));
        return bond.id;
    }

    private static String freeBondName(UUID hostId) {
        Set<String> taken = new HashSet<>();
        Pif.<Pif>list("hostId", hostId).forEach(p -> taken.add(p.device));
        int n = 0;
        while (taken.contains("bond" + n)) {
            n++;
        }
        return "bond" + n;
    }

    /**
     * bond.destroy: refused while VLANs use the bond. The bond's master PIF is marked
     * ({@link NetworkClaims}) in a short transaction, the host's daemon removes the bond's bridge and
     * the bond with no transaction open (refusing while VIFs are attached), then the records go.
     */
    public void destroy(UUID id, UUID task, String operationId) {
        VlanService.BridgeWork work = QuarkusTransaction.requiringNew().call(() -> {
            Bond bond = find(id, LockModeType.PESSIMISTIC_WRITE);
            BondOperation.DESTROY.assertAllowed(bond, Vlan.count("taggedPifId", bond.masterPifId));
            Pif master = Pif.findById(bond.masterPifId, LockModeType.PESSIMISTIC_WRITE);
            Network network = Network.findById(master.networkId);
            claims.claim(Pif.CLASS, master.id, BondOperation.DESTROY.id(), task);
            return new VlanService.BridgeWork(network.managed ? hosts.require(master.hostId) : null, network.bridge, master.id);
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

    private void delete(Bond bond) {
        BondView last = views.bond(bond);
        Pif master = Pif.findById(bond.masterPifId);
        var lastMaster = views.pif(master);
        for (Pif member : Pif.<Pif>list("bondSlaveOf", bond.id)) {
            member.bondSlaveOf = null;
            events.publish(Pif.CLASS, EventOperation.MOD, member.id, () -> views.pif(member));
        }
        em.flush();
        bond.delete();
        em.flush();
        master.delete();
        events.publish(Bond.CLASS, EventOperation.DEL, bond.id, () -> last);
        events.publish(Pif.CLASS, EventOperation.DEL, master.id, () -> lastMaster);
    }

    static Bond find(UUID id, LockModeType lock) {
        Bond bond = Bond.findById(id, lock);
        if (bond == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Bond.CLASS, id);
        }
        return bond;
    }
}
