package org.xenplane.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.NetworkDaemonClient;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.network.BondMode;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.Uplink;

/**
 * How a network looks on one host, and making it so. The one place that turns the network
 * service's records (network, PIF, VLAN, bond; tables owned by the network service) into the
 * bridge a daemon makes:
 * <ul>
 *   <li>a network with no PIF anywhere is host-internal: a bridge without uplink, on any host;</li>
 *   <li>a network with a PIF on the host: a bridge whose uplink is that PIF's NIC, VLAN or bond;</li>
 *   <li>a network with PIFs on other hosts only: {@code HOST_CANNOT_ATTACH_NETWORK} on this one.</li>
 * </ul>
 * An unmanaged network's bridge is the administrator's: it is checked for, never made.
 */
@ApplicationScoped
public class HostBridges {
    private final EntityManager em;
    private final NetworkDaemonClient daemons;

    public HostBridges(EntityManager em, NetworkDaemonClient daemons) {
        this.em = em;
        this.daemons = daemons;
    }

    private record NetworkRow(String bridge, int mtu, boolean managed) {
    }

    private record PifRow(UUID id, UUID networkId, String device, int vlanTag, boolean physical) {
    }

    /** The bridge the network needs on the host. */
    public BridgeSpec plan(UUID hostId, UUID networkId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            NetworkRow network = network(networkId);
            List<PifRow> pifs = pifs("host_id = ?1 and network_id = ?2", hostId, networkId);
            if (pifs.isEmpty()) {
                if (!pifs("network_id = ?1", networkId, null).isEmpty()) {
                    throw new XenplaneException(ErrorCode.HOST_CANNOT_ATTACH_NETWORK, hostId, networkId);
                }
                return new BridgeSpec(network.bridge(), network.mtu(), Uplink.none());
            }
            return forPif(pifs.get(0), network);
        });
    }

    /** Whether Xenplane makes and removes this network's bridge (false: the administrator's own bridge). */
    public boolean managed(UUID networkId) {
        return QuarkusTransaction.joiningExisting().call(() -> network(networkId).managed());
    }

    /**
     * Makes the network's bridge exist on the host (through its daemon; outside any transaction),
     * or, for an unmanaged network, checks that the administrator's bridge is there.
     */
    public BridgeSpec ensure(HostRef host, UUID networkId, String operationId) {
        BridgeSpec spec = plan(host.id(), networkId);
        if (managed(networkId)) {
            daemons.ensureBridge(host, spec, operationId);
        } else if (daemons.interfaces(host).interfaces().stream().map(HostInterface::name).noneMatch(spec.name()::equals)) {
            throw new XenplaneException(ErrorCode.BRIDGE_MISSING, host.id(), spec.name());
        }
        return spec;
    }

    private BridgeSpec forPif(PifRow pif, NetworkRow network) {
        if (pif.vlanTag() >= 0) {
            Object[] vlan = (Object[]) em.createNativeQuery("select tagged_pif_id, tag from vlan where untagged_pif_id = ?1",
                    Object[].class).setParameter(1, pif.id()).getSingleResult();
            PifRow parent = pifs("id = ?1", vlan[0], null).get(0);
            BridgeSpec parentSpec = forPif(parent, network(parent.networkId()));
            return new BridgeSpec(network.bridge(), network.mtu(),
                    Uplink.vlan(parent.device(), ((Number) vlan[1]).intValue(), parentSpec));
        }
        List<?> bond = em.createNativeQuery("select id, mode from bond where master_pif_id = ?1", Object[].class)
                .setParameter(1, pif.id()).getResultList();
        if (!bond.isEmpty()) {
            Object[] row = (Object[]) bond.get(0);
            @SuppressWarnings("unchecked")
            List<String> members = em.createNativeQuery("select device from pif where bond_slave_of = ?1 order by device")
                    .setParameter(1, row[0]).getResultList();
            return new BridgeSpec(network.bridge(), network.mtu(),
                    Uplink.bond(pif.device(), members, BondMode.fromWireName((String) row[1])));
        }
        if (pif.physical()) {
            return new BridgeSpec(network.bridge(), network.mtu(), Uplink.device(pif.device()));
        }
        throw new IllegalStateException("PIF " + pif.id() + " is neither physical, a VLAN nor a bond");
    }

    private NetworkRow network(UUID id) {
        List<?> rows = em.createNativeQuery("select bridge, mtu, managed from network where id = ?1", Object[].class)
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, "network", id);
        }
        Object[] row = (Object[]) rows.get(0);
        return new NetworkRow((String) row[0], ((Number) row[1]).intValue(), (Boolean) row[2]);
    }

    private List<PifRow> pifs(String where, Object first, Object second) {
        var query = em.createNativeQuery("select id, network_id, device, vlan_tag, physical from pif where " + where
                + " order by id", Object[].class).setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        return query.getResultList().stream().map(r -> {
            Object[] row = (Object[]) r;
            return new PifRow((UUID) row[0], (UUID) row[1], (String) row[2], ((Number) row[3]).intValue(), (Boolean) row[4]);
        }).toList();
    }
}
