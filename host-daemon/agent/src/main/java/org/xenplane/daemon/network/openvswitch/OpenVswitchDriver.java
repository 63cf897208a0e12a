package org.xenplane.daemon.network.openvswitch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xenplane.daemon.network.DevicePolicy;
import org.xenplane.daemon.network.ManagementDevices;
import org.xenplane.daemon.network.NetworkDriver;
import org.xenplane.daemon.network.NetworkFailure;
import org.xenplane.daemon.network.SpecChecks;
import org.xenplane.daemon.network.Undo;
import org.xenplane.daemon.network.linux.IpRoute;
import org.xenplane.daemon.network.linux.KernelLink;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.BondMode;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.InterfaceKind;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.PortSpec;
import org.xenplane.daemon.protocol.network.Uplink;
import org.xenplane.daemon.protocol.network.UplinkKind;

/**
 * Open vSwitch through {@code ovs-vsctl}, as XenServer's vswitch backend lays it out: a bridge
 * per physical or bond network with the NIC or the bond as a port; a VLAN network is a fake
 * bridge ({@code ovs-vsctl add-br <bridge> <parent> <tag>}) on its parent's bridge, so that its
 * VIF ports are access ports of that tag and the parent's uplink is the trunk. The management NIC
 * may be its network's bridge's port: the bridge then takes over the NIC's MAC ({@code
 * other-config:hwaddr}), addresses and routes, as XenServer's {@code xenbr0} does.
 */
public final class OpenVswitchDriver implements NetworkDriver {
    public static final String ID = "openvswitch";
    private static final Set<String> DATAPATH_DEVICES = Set.of("ovs-system", "ovs-netdev");

    private final IpRoute ip;
    private final DevicePolicy policy;
    private final ObjectMapper json;
    private final String db;
    private final String datapathType;
    private Set<String> routedAtStart;

    /**
     * @param db           the OVSDB socket, e.g. {@code unix:/var/run/openvswitch/db.sock}
     * @param datapathType {@code system} (the kernel module) or {@code netdev} (the userspace datapath)
     */
    public OpenVswitchDriver(IpRoute ip, DevicePolicy policy, ObjectMapper json, String db, String datapathType) {
        this.ip = ip;
        this.policy = policy;
        this.json = json;
        this.db = db;
        this.datapathType = datapathType;
    }

    @Override
    public String id() {
        return ID;
    }

    private String host() {
        return ip.shell().host();
    }

    private String vsctl(String... args) {
        List<String> command = new ArrayList<>(List.of("ovs-vsctl", "--db=" + db, "--timeout=20"));
        command.addAll(List.of(args));
        return ip.shell().check(command.toArray(String[]::new));
    }

    OvsState state() {
        String out = vsctl("--format=json", "--columns=name,ports,datapath_type", "list", "Bridge",
                "--", "--columns=_uuid,name,interfaces,tag,fake_bridge,bond_mode,lacp", "list", "Port",
                "--", "--columns=_uuid,name,type", "list", "Interface");
        String[] tables = out.strip().split("\n");
        try {
            return OvsState.parse(json.readTree(tables[0]), json.readTree(tables[1]), json.readTree(tables[2]));
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host(), "unreadable ovs-vsctl output");
        }
    }

    static String ovsBondMode(BondMode mode) {
        return switch (mode) {
            case ACTIVE_BACKUP -> "active-backup";
            case BALANCE_SLB -> "balance-slb";
            case LACP -> "balance-tcp";
        };
    }

    static BondMode bondMode(OvsState.Port port) {
        if (port.lacp() != null && !"off".equals(port.lacp())) {
            return BondMode.LACP;
        }
        if ("active-backup".equals(port.bondMode())) {
            return BondMode.ACTIVE_BACKUP;
        }
        return BondMode.BALANCE_SLB; // Open vSwitch's default for a bond
    }

    /** The devices that carried a default route when the driver first looked (see LinuxBridgeDriver). */
    private Set<String> routedAtStart() {
        if (routedAtStart == null) {
            routedAtStart = Set.copyOf(ip.defaultRouteDevices());
        }
        return routedAtStart;
    }

    /** The management NIC and the bridge that carries its addresses, as the host is now. */
    private ManagementDevices management(OvsState state, Map<String, KernelLink> links) {
        return ManagementDevices.of(policy.managementSeeds(routedAtStart()), state.managementWalk(name -> {
            KernelLink link = links.get(name);
            return link != null && policy.physical(name, link.onABus(), false);
        }));
    }

    @Override
    public synchronized List<HostInterface> interfaces() {
        OvsState state = state();
        Map<String, KernelLink> links = ip.links();
        ManagementDevices management = management(state, links);
        List<HostInterface> result = new ArrayList<>();
        for (KernelLink link : links.values()) {
            if (DATAPATH_DEVICES.contains(link.name())) {
                continue;
            }
            OvsState.Bridge bridge = state.bridge(link.name()).orElse(null);
            if (bridge != null) {
                result.add(bridgeInterface(bridge, link, management));
                continue;
            }
            String master = state.portOfInterface(link.name())
                    .map(p -> p.isBond() ? p.name() : state.visibleBridge(p)).orElse(link.master());
            InterfaceKind kind = "vlan".equals(link.kind()) ? InterfaceKind.VLAN
                    : "bond".equals(link.kind()) ? InterfaceKind.BOND : "bridge".equals(link.kind()) ? InterfaceKind.BRIDGE
                    : InterfaceKind.ETHERNET;
            result.add(new HostInterface(link.name(), kind, link.mac(), link.mtu(), link.up(), master, link.vlanId(),
                    kind == InterfaceKind.VLAN ? link.parent() : null, null, List.of(), link.addresses(),
                    policy.physical(link.name(), link.onABus(), kind != InterfaceKind.ETHERNET),
                    management.contains(link.name())));
        }
        for (OvsState.Bridge bridge : state.bridges().values()) {
            if (!links.containsKey(bridge.name())) {
                result.add(bridgeInterface(bridge, null, management));
            }
        }
        for (OvsState.Port port : state.ports().values()) {
            if (port.isBond()) {
                int mtu = port.interfaces().stream().map(links::get).filter(l -> l != null).mapToInt(KernelLink::mtu)
                        .findFirst().orElse(1500);
                result.add(new HostInterface(port.name(), InterfaceKind.BOND, "", mtu, true, state.visibleBridge(port),
                        null, null, bondMode(port), port.interfaces(), List.of(), false, management.contains(port.name())));
            }
        }
        result.sort(Comparator.comparing(HostInterface::name));
        return result;
    }

    private static HostInterface bridgeInterface(OvsState.Bridge bridge, KernelLink link, ManagementDevices management) {
        return new HostInterface(bridge.name(), InterfaceKind.BRIDGE, link == null ? "" : link.mac(),
                link == null ? 1500 : link.mtu(), link != null && link.up(), null, bridge.tag(), bridge.parent(),
                null, List.of(), link == null ? List.of() : link.addresses(), false, management.contains(bridge.name()));
    }

    @Override
    public synchronized void ensureBridge(BridgeSpec spec) {
        SpecChecks.bridge(spec);
        Undo undo = new Undo();
        try {
            ensure(spec, undo);
        } catch (RuntimeException e) {
            undo.rollback();
            throw e;
        }
    }

    private void ensure(BridgeSpec spec, Undo undo) {
        OvsState current = state();
        Map<String, KernelLink> links = ip.links();
        check(spec, current, links, management(current, links));
        Uplink uplink = spec.uplink();
        if (uplink.kind() == UplinkKind.VLAN) {
            ensure(uplink.parent(), undo);
            if (state().bridge(spec.name()).isEmpty()) {
                vsctl("add-br", spec.name(), uplink.parent().name(), uplink.tag().toString());
                undo.add("fake bridge " + spec.name(), () -> vsctl("--if-exists", "del-br", spec.name()));
            }
        } else {
            OvsState state = state();
            if (state.bridge(spec.name()).isEmpty()) {
                vsctl("add-br", spec.name(), "--", "set", "bridge", spec.name(), "datapath_type=" + datapathType);
                undo.add("bridge " + spec.name(), () -> vsctl("--if-exists", "del-br", spec.name()));
            }
            if (uplink.kind() == UplinkKind.DEVICE && state.port(uplink.device()).isEmpty()) {
                KernelLink nic = links.get(uplink.device());
                if (ip.carriesAddresses(nic)) {
                    addPortCarryingAddresses(spec.name(), nic, undo);
                } else {
                    addPort(spec.name(), uplink.device(), undo);
                }
            }
            if (uplink.kind() == UplinkKind.BOND && state.port(uplink.device()).isEmpty()) {
                List<String> command = new ArrayList<>(List.of("add-bond", spec.name(), uplink.device()));
                command.addAll(uplink.members());
                command.add("bond_mode=" + ovsBondMode(uplink.bondMode()));
                command.add("lacp=" + (uplink.bondMode() == BondMode.LACP ? "active" : "off"));
                vsctl(command.toArray(String[]::new));
                undo.add("bond " + uplink.device(), () -> vsctl("--if-exists", "del-port", uplink.device()));
            }
            for (String nic : uplinkInterfaces(uplink)) {
                vsctl("set", "interface", nic, "mtu_request=" + spec.mtu());
            }
        }
        vsctl("set", "interface", spec.name(), "mtu_request=" + spec.mtu());
        ip.setUp(spec.name());
    }

    private void addPort(String bridge, String nic, Undo undo) {
        vsctl("add-port", bridge, nic);
        undo.add("port " + nic, () -> vsctl("--if-exists", "del-port", nic));
    }

    /** The NIC becomes the bridge's port; the bridge, up with the NIC's MAC, takes over its addresses and routes. */
    private void addPortCarryingAddresses(String bridge, KernelLink nic, Undo undo) {
        vsctl("set", "bridge", bridge, "other-config:hwaddr=\"" + nic.mac() + "\"");
        undo.add("hwaddr of " + bridge, () -> vsctl("remove", "bridge", bridge, "other-config", "hwaddr"));
        ip.setUp(bridge);
        ip.moveAddresses(nic, bridge, () -> addPort(bridge, nic.name(), undo), undo);
    }

    private static List<String> uplinkInterfaces(Uplink uplink) {
        return switch (uplink.kind()) {
            case DEVICE -> List.of(uplink.device());
            case BOND -> uplink.members();
            default -> List.of();
        };
    }

    private void check(BridgeSpec spec, OvsState state, Map<String, KernelLink> links, ManagementDevices management) {
        Uplink uplink = spec.uplink();
        OvsState.Bridge existing = state.bridge(spec.name()).orElse(null);
        if (existing == null && links.containsKey(spec.name())) {
            throw busy(spec.name(), "exists and is not an Open vSwitch bridge");
        }
        if (uplink.kind() == UplinkKind.VLAN) {
            check(uplink.parent(), state, links, management);
            if (existing != null && !(existing.fake() && existing.parent().equals(uplink.parent().name())
                    && existing.tag().equals(uplink.tag()))) {
                throw busy(spec.name(), "exists and is not VLAN " + uplink.tag() + " of " + uplink.parent().name());
            }
            return;
        }
        if (existing != null && existing.fake()) {
            throw busy(spec.name(), "exists as VLAN " + existing.tag() + " of " + existing.parent());
        }
        String wanted = uplink.kind() == UplinkKind.NONE ? null : uplink.device();
        for (OvsState.Port port : state.portsOf(spec.name())) {
            if (isUplink(port, links) && !port.name().equals(wanted)) {
                throw busy(spec.name(), "already has the uplink " + port.name());
            }
        }
        for (String nic : uplinkInterfaces(uplink)) {
            if (!links.containsKey(nic)) {
                throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host(), nic);
            }
            if (policy.isProtected(nic) || uplink.kind() == UplinkKind.BOND && management.contains(nic)) {
                throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), nic);
            }
            OvsState.Port port = state.portOfInterface(nic).orElse(null);
            String expectedPort = uplink.kind() == UplinkKind.BOND ? uplink.device() : nic;
            if (port != null && !(port.name().equals(expectedPort) && port.bridge().equals(spec.name()))) {
                throw busy(nic, "is a port of " + port.bridge() + (port.isBond() ? " in " + port.name() : ""));
            }
        }
        if (uplink.kind() == UplinkKind.BOND) {
            OvsState.Port bond = state.port(uplink.device()).orElse(null);
            if (bond != null && !(bond.bridge().equals(spec.name()) && bond.interfaces().equals(
                    uplink.members().stream().sorted().toList()) && bondMode(bond) == uplink.bondMode())) {
                throw busy(uplink.device(), "exists with other members or another mode");
            }
            if (bond == null && links.containsKey(uplink.device())) {
                throw busy(uplink.device(), "the name is taken by another device");
            }
        }
    }

    @Override
    public synchronized void removeBridge(String bridge) {
        SpecChecks.name("bridge", bridge);
        OvsState state = state();
        OvsState.Bridge b = state.bridge(bridge).orElse(null);
        if (b == null) {
            return;
        }
        Map<String, KernelLink> links = ip.links();
        if (management(state, links).contains(bridge)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), bridge);
        }
        List<String> children = state.fakeChildren(bridge);
        if (!children.isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_IN_USE, host(), bridge, "VLANs " + children);
        }
        List<String> vifs = state.portsOf(bridge).stream().filter(p -> !isUplink(p, links)).map(OvsState.Port::name).toList();
        if (!vifs.isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_IN_USE, host(), bridge, "VIF ports " + vifs);
        }
        vsctl("--if-exists", "del-br", bridge);
    }

    private boolean isUplink(OvsState.Port port, Map<String, KernelLink> links) {
        if (port.isBond()) {
            return true;
        }
        KernelLink link = links.get(port.name());
        return link != null && policy.physical(link.name(), link.onABus(), false);
    }

    @Override
    public synchronized void attachPort(String port, PortSpec spec) {
        SpecChecks.name("port", port);
        SpecChecks.port(spec);
        Map<String, KernelLink> links = ip.links();
        KernelLink link = links.get(port);
        if (link == null) {
            throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host(), port);
        }
        OvsState state = state();
        if (management(state, links).contains(port)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), port);
        }
        if (policy.physical(port, link.onABus(), false) || state.bridge(port).isPresent()
                || state.portOfInterface(port).map(OvsState.Port::isBond).orElse(false)) {
            throw busy(port, "is not a VIF's device");
        }
        if (state.bridge(spec.bridge()).isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_MISSING, host(), spec.bridge());
        }
        boolean there = state.port(port).map(p -> state.visibleBridge(p).equals(spec.bridge())).orElse(false);
        if (!there) {
            vsctl("--if-exists", "del-port", port, "--", "add-port", spec.bridge(), port);
        }
        try {
            vsctl("set", "interface", port, "mtu_request=" + spec.mtu());
            ip.setUp(port);
        } catch (RuntimeException e) {
            if (!there) {
                vsctl("--if-exists", "del-port", port);
            }
            throw e;
        }
    }

    @Override
    public synchronized void detachPort(String port) {
        SpecChecks.name("port", port);
        KernelLink link = ip.links().get(port);
        if (link != null && policy.physical(port, link.onABus(), false)) {
            throw busy(port, "is a bridge's uplink, not a VIF's device");
        }
        vsctl("--if-exists", "del-port", port);
    }

    @Override
    public synchronized void configureIp(String device, IpConfig config) {
        SpecChecks.name("device", device);
        SpecChecks.ip(config);
        Map<String, KernelLink> links = ip.links();
        KernelLink link = links.get(device);
        if (link == null) {
            throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host(), device);
        }
        if (management(state(), links).contains(device)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), device);
        }
        ip.configure(link, config);
    }

    private NetworkFailure busy(String device, String reason) {
        return new NetworkFailure(WireError.DEVICE_BUSY, host(), device, reason);
    }
}
