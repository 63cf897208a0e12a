package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.network.Nic;
import org.xenplane.core.network.VmNetworking;
import org.xenplane.network.model.Vif;

/**
 * The network service's answer to the VM service in the same process (core's {@link VmNetworking};
 * the contract is in docs/network.md), and what its {@code /api/v1/vm-vifs} endpoints answer a VM
 * service in another process:
 * <ul>
 *   <li>{@link #nicsForVm}: the NICs to hand the hypervisor driver at start;</li>
 *   <li>{@link #ensureNetworksOnHost}: before a domain is created on a host, each of its networks'
 *       bridges is made there (through the host's daemon);</li>
 *   <li>{@link #assertHostCanAttach}: placement and migration check that a host can reach every
 *       network of the VM, without changing anything;</li>
 *   <li>{@link #setVifsAttached}: after start, shutdown or migration, the VIFs' currently-attached flags;</li>
 *   <li>{@link #copyVifs}, {@link #destroyVifs}: a cloned VM's VIFs, and a destroyed VM's (XenAPI {@code VM.destroy}).</li>
 * </ul>
 * Each joins the caller's transaction when there is one (the VM service records a VM's state and
 * its VIFs' flags in one commit), and runs in its own otherwise.
 */
@ApplicationScoped
public class NetworkingForVms implements VmNetworking {
    private static final int MAC_ATTEMPTS = 8;

    private final EntityManager em;
    private final Hosts hosts;
    private final HostBridges bridges;
    private final EventPublisher events;
    private final NetworkViews views;

    public NetworkingForVms(EntityManager em, Hosts hosts, HostBridges bridges, EventPublisher events, NetworkViews views) {
        this.em = em;
        this.hosts = hosts;
        this.bridges = bridges;
        this.events = events;
        this.views = views;
    }

    @Override
    public List<Nic> nicsForVm(UUID vmId) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                        select v.id, v.device, v.mac, v.mtu, n.bridge, v.model, n.id, v.locking_mode
                        from vif v join network n on n.id = v.network_id
                        where v.vm_id = ?1 order by v.device""", Object[].class)
                .setParameter(1, vmId).getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    return new Nic((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2], ((Number) row[3]).intValue(),
                            (String) row[4], (String) row[5], (UUID) row[6], (String) row[7]);
                }).toList());
    }

    /** The networks the VM's VIFs are on. */
    public List<UUID> networksOfVm(UUID vmId) {
        return nicsForVm(vmId).stream().map(Nic::network).distinct().toList();
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        assertHostReaches(hostId, networksOfVm(vmId));
    }

    @Override
    public List<Nic> ensureNetworksOnHost(UUID vmId, UUID hostId) {
        List<Nic> nics = nicsForVm(vmId);
        ensureBridges(hostId, nics.stream().map(Nic::network).distinct().toList());
        return nics;
    }

    /**
     * Makes each network's bridge exist on the host, with its uplink, through the host's daemon.
     * Call it outside a transaction: it waits for the daemon. Idempotent.
     *
     * @throws org.xenplane.core.error.XenplaneException {@code HOST_CANNOT_ATTACH_NETWORK} when a network has
     *         PIFs but none on this host; {@code HOST_OFFLINE}; the daemon's refusals
     */
    public void ensureBridges(UUID hostId, Collection<UUID> networkIds) {
        if (networkIds.isEmpty()) {
            return; // a VM without NICs needs nothing of the host's networks
        }
        HostRef host = hosts.require(hostId);
        assertHostReaches(hostId, networkIds);
        for (UUID network : new LinkedHashSet<>(networkIds)) {
            bridges.ensure(host, network, "ensure-" + network + "-" + UUID.randomUUID());
        }
    }

    /** Refuses with {@code HOST_CANNOT_ATTACH_NETWORK} when the host cannot reach one of the networks. */
    public void assertHostReaches(UUID hostId, Collection<UUID> networkIds) {
        for (UUID network : networkIds) {
            bridges.plan(hostId, network);
        }
    }

    @Override
    public void setVifsAttached(UUID vmId, boolean attached) {
        QuarkusTransaction.joiningExisting().run(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> changed = em.createNativeQuery("""
                    update vif set currently_attached = ?2, version = version + 1
                    where vm_id = ?1 and currently_attached <> ?2 returning id""")
                    .setParameter(1, vmId).setParameter(2, attached).getResultList();
            for (UUID vif : changed) {
                events.publish(Vif.CLASS, EventOperation.MOD, vif, () -> views.snapshot(vif));
            }
        });
    }

    @Override
    public int copyVifs(UUID fromVm, UUID toVm) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!vifsOf(toVm).isEmpty()) {
                return 0; // copied already (a retried call)
            }
            List<UUID> sources = vifsOf(fromVm);
            for (UUID source : sources) {
                UUID copy = UUID.randomUUID();
                insertCopy(source, copy, toVm);
                events.publish(Vif.CLASS, EventOperation.ADD, copy, () -> views.snapshot(copy));
            }
            return sources.size();
        });
    }

    @Override
    public int destroyVifs(UUID vmId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<UUID> vifs = vifsOf(vmId);
            for (UUID vif : vifs) {
                Object last = views.snapshot(vif);
                em.createNativeQuery("delete from vif where id = ?1").setParameter(1, vif).executeUpdate();
                events.publish(Vif.CLASS, EventOperation.DEL, vif, () -> last);
            }
            return vifs.size();
        });
    }

    /** The ids of the VM's VIFs in device order. */
    @SuppressWarnings("unchecked")
    private List<UUID> vifsOf(UUID vmId) {
        return em.createNativeQuery("select id from vif where vm_id = ?1 order by device")
                .setParameter(1, vmId).getResultList();
    }

    /** One copy; a MAC that is taken already (pool-unique, decided by the database) is drawn again. */
    private void insertCopy(UUID source, UUID copy, UUID toVm) {
        for (int attempt = 0; attempt < MAC_ATTEMPTS; attempt++) {
            int inserted = em.createNativeQuery("""
                    insert into vif (id, vm_id, device, mac, mac_autogenerated, mtu, network_id, locking_mode,
                                     ipv4_allowed, model, currently_attached, other_config)
                    select ?1, ?2, device, ?3, true, mtu, network_id, locking_mode, ipv4_allowed, model, false, other_config
                    from vif where id = ?4
                    on conflict (mac) do nothing""")
                    .setParameter(1, copy).setParameter(2, toVm).setParameter(3, RandomMacs.next()).setParameter(4, source)
                    .executeUpdate();
            if (inserted == 1) {
                return;
            }
        }
        throw new IllegalStateException("no free MAC after " + MAC_ATTEMPTS + " random draws");
    }
}
