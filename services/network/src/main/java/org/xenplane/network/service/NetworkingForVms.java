package org.xenplane.core.network;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.daemon.HostEndpoint;
import org.xenplane.core.daemon.DaemonHosts;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;

/**
 * The network side of a VM's life, for the VM service (the contract is in docs/network.md):
 * <ul>
 *   <li>{@link #nicsForVm}: the NICs to hand the hypervisor driver at start;</li>
 *   <li>{@link #ensureNetworksOnHost}: before a domain is created on a host, each of its networks'
 *       bridges is made there (through the host's daemon);</li>
 *   <li>{@link #assertHostCanAttach}: placement and migration check that a host can reach every
 *       network of the VM, without changing anything;</li>
 *   <li>{@link #setVifsAttached}: after start, shutdown or migration, the VIFs' currently-attached flags;</li>
 *   <li>{@link #destroyVifs}: when the VM is destroyed, its VIFs go with it (XenAPI {@code VM.destroy}).</li>
 * </ul>
 */
@ApplicationScoped
public class VmNetworking {
    public static final String VIF_CLASS = "vif";

    private final EntityManager em;
    private final DaemonHosts hosts;
    private final HostBridges bridges;
    private final EventPublisher events;
    private final List<VifSnapshots> snapshots;

    private volatile boolean networkSchema;

    public VmNetworking(EntityManager em, DaemonHosts hosts, HostBridges bridges, EventPublisher events,
                        @All List<VifSnapshots> snapshots) {
        this.em = em;
        this.hosts = hosts;
        this.bridges = bridges;
        this.events = events;
        this.snapshots = snapshots;
    }

    /** The VM's NICs in device order, each with its network's bridge. */
    public List<Nic> nicsForVm(UUID vmId) {
        if (!networkSchema()) {
            return List.of();
        }
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

    /**
     * Makes each network's bridge exist on the host, with its uplink, through the host's daemon.
     * Call it outside a transaction: it waits for the daemon. Idempotent.
     *
     * @throws org.xenplane.core.error.XenplaneException {@code HOST_CANNOT_ATTACH_NETWORK} when a network has
     *         PIFs but none on this host; {@code HOST_OFFLINE}; the daemon's refusals
     */
    public void ensureNetworksOnHost(UUID hostId, Collection<UUID> networkIds) {
        if (networkIds.isEmpty()) {
            return; // a VM without NICs needs nothing of the host's networks
        }
        HostEndpoint host = hosts.get(hostId);
        assertHostCanAttach(hostId, networkIds);
        for (UUID network : new LinkedHashSet<>(networkIds)) {
            bridges.ensure(host, network, "ensure-" + network + "-" + UUID.randomUUID());
        }
    }

    /** Refuses with {@code HOST_CANNOT_ATTACH_NETWORK} when the host cannot reach one of the networks. */
    public void assertHostCanAttach(UUID hostId, Collection<UUID> networkIds) {
        for (UUID network : networkIds) {
            bridges.plan(hostId, network);
        }
    }

    /** Sets the VM's VIFs' currently-attached flags, with an event for each VIF that changed. */
    public void setVifsAttached(UUID vmId, boolean attached) {
        if (!networkSchema()) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> changed = em.createNativeQuery("""
                    update vif set currently_attached = ?2, version = version + 1
                    where vm_id = ?1 and currently_attached <> ?2 returning id""")
                    .setParameter(1, vmId).setParameter(2, attached).getResultList();
            for (UUID vif : changed) {
                events.publish(VIF_CLASS, EventOperation.MOD, vif, () -> snapshot(vif));
            }
        });
    }

    /**
     * Gives {@code toVm} a copy of each of {@code fromVm}'s VIFs (same device, network, MTU, model,
     * locking), each with a new random, locally administered MAC, unattached; an event for each.
     * In the caller's transaction (the one that creates the new VM). Returns how many.
     */
    public int copyVifs(UUID fromVm, UUID toVm) {
        if (!networkSchema()) {
            return 0;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<UUID> sources = vifsOf(fromVm);
            for (UUID source : sources) {
                UUID copy = UUID.randomUUID();
                insertCopy(source, copy, toVm);
                events.publish(VIF_CLASS, EventOperation.ADD, copy, () -> snapshot(copy));
            }
            return sources.size();
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
        for (int attempt = 0; attempt < 8; attempt++) {
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
        throw new IllegalStateException("no free MAC after 8 random draws");
    }

    /** Deletes the VM's VIFs, with an event for each; returns how many. Call it in the VM's destroy transaction. */
    public int destroyVifs(UUID vmId) {
        if (!networkSchema()) {
            return 0;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<UUID> vifs = vifsOf(vmId);
            for (UUID vif : vifs) {
                Object last = snapshot(vif);
                em.createNativeQuery("delete from vif where id = ?1").setParameter(1, vif).executeUpdate();
                events.publish(VIF_CLASS, EventOperation.DEL, vif, () -> last);
            }
            return vifs.size();
        });
    }

    /**
     * Whether the network service's tables are in this database. They are wherever the network
     * service runs (the all-in-one server, a pool migrated by the chart's Job); a VM service tested
     * on its own schema has VMs without NICs.
     */
    private boolean networkSchema() {
        if (!networkSchema) {
            networkSchema = QuarkusTransaction.joiningExisting().call(() -> Boolean.TRUE.equals(
                    em.createNativeQuery("select to_regclass('vif') is not null").getSingleResult()));
        }
        return networkSchema;
    }

    private Object snapshot(UUID vif) {
        if (!snapshots.isEmpty()) {
            return snapshots.get(0).snapshot(vif);
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                select id, vm_id, device, mac, mtu, network_id, locking_mode, currently_attached, version
                from vif where id = ?1""", Object[].class).setParameter(1, vif).getSingleResult();
        Map<String, Object> columns = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("id", "vmId", "device", "mac", "mtu", "networkId", "lockingMode",
                "currentlyAttached", "version"));
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), row[i]);
        }
        return columns;
    }
}
