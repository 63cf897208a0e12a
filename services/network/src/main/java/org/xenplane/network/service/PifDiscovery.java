package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.NetworkDaemonClient;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.InterfaceKind;
import org.xenplane.daemon.protocol.network.InterfaceReport;
import org.xenplane.network.model.Bond;
import org.xenplane.network.model.Network;
import org.xenplane.network.model.Pif;
import org.xenplane.network.model.Vlan;
import org.xenplane.network.api.PifView;

/**
 * Keeps PIFs current with what each host's daemon reports (XenAPI {@code PIF.scan}): every NIC
 * gets a PIF on its pool-wide network ({@code xenbr0} for {@code eth0}, shared by the hosts that
 * have an eth0), a NIC's MAC, MTU and management flag follow the host, a PIF is attached while
 * its network's bridge is on the host, and the PIF of a NIC that is gone is forgotten unless a
 * VLAN or bond still uses it. Every live host is scanned periodically on every replica; a
 * transaction-scoped advisory lock per host makes concurrent scans of one host take turns.
 */
@ApplicationScoped
public class PifDiscovery {
    private static final Logger LOG = Logger.getLogger(PifDiscovery.class);
    private static final long LOCK_SALT = 0x5049465343414eL; // "PIFSCAN"

    private final EntityManager em;
    private final EventPublisher events;
    private final NetworkViews views;
    private final Hosts hosts;
    private final NetworkDaemonClient daemons;
    private final NetworkService networks;
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

    public PifDiscovery(EntityManager em, EventPublisher events, NetworkViews views, Hosts hosts,
                        NetworkDaemonClient daemons, NetworkService networks) {
        this.em = em;
        this.events = events;
        this.views = views;
        this.hosts = hosts;
        this.daemons = daemons;
        this.networks = networks;
    }

    /** pif.scan: reads the host's interfaces now and returns its PIFs. */
    public List<PifView> scan(UUID hostId) {
        HostRef host = hosts.require(hostId);
        InterfaceReport report = daemons.interfaces(host);
        return QuarkusTransaction.requiringNew().call(() -> sync(hostId, report.interfaces()));
    }

    @Scheduled(every = "${xenplane.network.pif-scan-interval}", delayed = "${xenplane.network.pif-scan-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scanLiveHosts() {
        scanLiveHostsNow();
    }

    /** What the periodic scan does: forget the PIFs of forgotten hosts, then scan every live host. */
    public void scanLiveHostsNow() {
        forgetPifsOfRemovedHosts();
        for (HostRef host : hosts.all()) {
            if (!host.live()) {
                continue;
            }
            try {
                scan(host.id());
                if (failing.remove(host.id())) {
                    LOG.infof("PIF scan of host %s works again", host.name());
                }
            } catch (XenplaneException e) {
                if (failing.add(host.id())) {
                    LOG.warnf("PIF scan of host %s failed: %s", host.name(), e.getMessage());
                }
            }
        }
    }

    private List<PifView> sync(UUID hostId, List<HostInterface> report) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, hostId.getMostSignificantBits() ^ hostId.getLeastSignificantBits() ^ LOCK_SALT)
                .getSingleResult();
        Map<String, HostInterface> byName = report.stream().collect(Collectors.toMap(HostInterface::name, Function.identity()));
        List<Pif> pifs = new ArrayList<>(Pif.<Pif>list("hostId", hostId));
        for (HostInterface nic : report) {
            if (nic.physical() && pifs.stream().noneMatch(p -> p.physical && p.device.equals(nic.name()))) {
                pifs.add(introduce(hostId, nic));
            }
        }
        List<PifView> result = new ArrayList<>();
        for (Pif pif : pifs) {
            HostInterface nic = byName.get(pif.device);
            if (pif.physical && nic == null && forget(pif)) {
                continue;
            }
            update(pif, nic, byName.get(Network.<Network>findById(pif.networkId).bridge));
            result.add(views.pif(pif));
        }
        return result;
    }

    private Pif introduce(UUID hostId, HostInterface nic) {
        Network network = physicalNetwork(nic);
        Pif pif = new Pif();
        pif.id = UUID.randomUUID();
        pif.hostId = hostId;
        pif.networkId = network.id;
        pif.device = nic.name();
        pif.mac = nic.mac();
        pif.mtu = nic.mtu();
        pif.physical = true;
        pif.management = nic.management();
        pif.persist();
        events.publish(Pif.CLASS, EventOperation.ADD, pif.id, () -> views.pif(pif));
        LOG.infof("Host %s has NIC %s (%s): PIF %s on network %s", hostId, nic.name(), nic.mac(), pif.id, network.bridge);
        return pif;
    }

    /** The pool-wide network of a NIC name: {@code xenbr<N>} for {@code eth<N>}, else {@code xb<name>}. */
    private Network physicalNetwork(HostInterface nic) {
        String bridge = physicalBridge(nic.name());
        Network existing = Network.find("bridge", bridge).firstResult();
        if (existing != null) {
            return existing;
        }
        UUID id = UUID.randomUUID();
        if (networks.insert(id, "Pool-wide network associated with " + nic.name(), "", bridge, Math.max(nic.mtu(), 68), true) == 1) {
            Network created = em.find(Network.class, id);
            events.publish(Network.CLASS, EventOperation.ADD, id, () -> views.network(created));
            return created;
        }
        return Network.find("bridge", bridge).firstResult();
    }

    static String physicalBridge(String device) {
        if (device.matches("eth[0-9]{1,5}")) {
            return "xenbr" + device.substring(3);
        }
        String bridge = "xb" + device;
        return bridge.length() <= 15 ? bridge : bridge.substring(0, 15);
    }

    /** Forgets the PIF of a NIC that is gone, unless a VLAN or bond still uses it; true when forgotten. */
    private boolean forget(Pif pif) {
        if (pif.bondSlaveOf != null || Vlan.count("taggedPifId", pif.id) > 0) {
            return false;
        }
        PifView last = views.pif(pif);
        pif.delete();
        events.publish(Pif.CLASS, EventOperation.DEL, pif.id, () -> last);
        LOG.infof("Host %s no longer has NIC %s: PIF %s forgotten", pif.hostId, pif.device, pif.id);
        return true;
    }

    private void update(Pif pif, HostInterface nic, HostInterface bridge) {
        boolean attached = bridge != null && bridge.kind() == InterfaceKind.BRIDGE;
        boolean changed = pif.currentlyAttached != attached;
        pif.currentlyAttached = attached;
        if (pif.physical && nic != null) {
            changed |= !Objects.equals(pif.mac, nic.mac()) || pif.mtu != nic.mtu() || pif.management != nic.management();
            pif.mac = nic.mac();
            pif.mtu = nic.mtu();
            pif.management = nic.management();
        }
        if (changed) {
            events.publish(Pif.CLASS, EventOperation.MOD, pif.id, () -> views.pif(pif));
        }
    }

    /** A host forgotten by the pool leaves its PIFs, VLANs and bonds behind: they go too. */
    void forgetPifsOfRemovedHosts() {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery(
                    "select p.id from pif p where not exists (select 1 from host h where h.id = p.host_id)").getResultList();
            List<Pif> orphans = ids.stream().map(id -> Pif.<Pif>findById(id)).toList();
            if (orphans.isEmpty()) {
                return;
            }
            for (Pif pif : orphans) {
                for (Vlan vlan : Vlan.<Vlan>list("untaggedPifId = ?1 or taggedPifId = ?1", pif.id)) {
                    var last = views.vlan(vlan);
                    vlan.delete();
                    events.publish(Vlan.CLASS, EventOperation.DEL, vlan.id, () -> last);
                }
            }
            em.flush();
            for (Pif pif : orphans) {
                pif.bondSlaveOf = null;
            }
            em.flush();
            for (Bond bond : Bond.<Bond>list("masterPifId in ?1", orphans.stream().map(p -> p.id).toList())) {
                var last = views.bond(bond);
                bond.delete();
                events.publish(Bond.CLASS, EventOperation.DEL, bond.id, () -> last);
            }
            em.flush();
            for (Pif pif : orphans) {
                PifView last = views.pif(pif);
                pif.delete();
                events.publish(Pif.CLASS, EventOperation.DEL, pif.id, () -> last);
            }
            LOG.infof("Forgot %d PIFs of hosts no longer in the pool", orphans.size());
        });
    }
}
