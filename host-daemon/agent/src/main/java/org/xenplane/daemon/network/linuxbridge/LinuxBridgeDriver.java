package org.xenplane.daemon.network.linuxbridge;

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
 * Linux bridges through iproute2, as XenServer's bridge backend lays them out: a bridge per
 * network; a NIC, an 802.1Q VLAN interface ({@code eth0.10}) or a bond as the bridge's uplink;
 * VIF backends as its other ports. The management NIC may be its network's bridge's uplink: the
 * bridge then takes over the NIC's MAC, addresses and routes (see {@code AddressMove}).
 */
public final class LinuxBridgeDriver implements NetworkDriver {
    public static final String ID = "linuxbridge";

    private final IpRoute ip;
    private final DevicePolicy policy;
    private Set<String> routedAtStart;

    public LinuxBridgeDriver(IpRoute ip, DevicePolicy policy) {
        this.ip = ip;
        this.policy = policy;
    }

    @Override
    public String id() {
        return ID;
    }

    private String host() {
        return ip.shell().host();
    }

    /**
     * The devices that carried a default route when the driver first looked: the host's way out
     * before Xenplane changed anything. A bridge Xenplane later gives a gateway does not become
     * the management interface.
     */
    private Set<String> routedAtStart() {
        if (routedAtStart == null) {
            routedAtStart = Set.copyOf(ip.defaultRouteDevices());
        }
        return routedAtStart;
    }

    /** The management NIC and the bridge that carries its addresses, as the host is now. */
    private ManagementDevices management(Map<String, KernelLink> links) {
        return ManagementDevices.of(policy.managementSeeds(routedAtStart()), links.values().stream()
                .map(l -> new ManagementDevices.Link(l.name(), l.master(), "vlan".equals(l.kind()) ? l.parent() : null,
                        isUplink(l)))
                .toList());
    }

    @Override
    public synchronized List<HostInterface> interfaces() {
        Map<String, KernelLink> links = ip.links();
        ManagementDevices management = management(links);
        List<HostInterface> result = new ArrayList<>();
        for (KernelLink link : links.values()) {
            InterfaceKind kind = kindOf(link);
            List<String> members = kind == InterfaceKind.BOND
                    ? links.values().stream().filter(l -> link.name().equals(l.master())).map(KernelLink::name).sorted().toList()
                    : List.of();
            result.add(new HostInterface(link.name(), kind, link.mac(), link.mtu(), link.up(), link.master(),
                    link.vlanId(), kind == InterfaceKind.VLAN ? link.parent() : null, bondMode(link.bondMode()), members,
                    link.addresses(), policy.physical(link.name(), link.onABus(), kind != InterfaceKind.ETHERNET),
                    management.contains(link.name())));
        }
        result.sort(Comparator.comparing(HostInterface::name));
        return result;
    }

    static InterfaceKind kindOf(KernelLink link) {
        if (link.kind() == null) {
            return InterfaceKind.ETHERNET;
        }
        return switch (link.kind()) {
            case "bridge" -> InterfaceKind.BRIDGE;
            case "vlan" -> InterfaceKind.VLAN;
            case "bond" -> InterfaceKind.BOND;
            default -> InterfaceKind.ETHERNET;
        };
    }

    /** Linux bonding has no SLB; adaptive load balancing (balance-alb), like SLB, needs nothing of the switch. */
    static String kernelBondMode(BondMode mode) {
        return switch (mode) {
            case ACTIVE_BACKUP -> "active-backup";
            case BALANCE_SLB -> "balance-alb";
            case LACP -> "802.3ad";
        };
    }

    static BondMode bondMode(String kernelMode) {
        if (kernelMode == null) {
            return null;
        }
        return switch (kernelMode) {
            case "active-backup" -> BondMode.ACTIVE_BACKUP;
            case "balance-alb" -> BondMode.BALANCE_SLB;
            case "802.3ad" -> BondMode.LACP;
            default -> null;
        };
    }

    /** The VLAN interface of a parent and tag: {@code eth0.10}, shortened to fit 15 characters. */
    public static String vlanInterface(String parent, int tag) {
        String suffix = "." + tag;
        return parent.length() + suffix.length() <= 15 ? parent + suffix
                : parent.substring(0, 15 - suffix.length()) + suffix;
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
        Map<String, KernelLink> links = ip.links();
        check(spec, links, management(links));
        if (spec.uplink().kind() == UplinkKind.VLAN
                && spec.uplink().parent().uplink().kind() == UplinkKind.BOND) {
            ensure(spec.uplink().parent(), undo);
            links = ip.links();
        }
        KernelLink bridge = links.get(spec.name());
        if (bridge == null) {
            ip.add(spec.name(), undo, "name", spec.name(), "type", "bridge");
            bridge = ip.links().get(spec.name());
        }
        ip.setMtu(bridge, spec.mtu(), undo);
        String port = uplinkPort(spec, links, undo);
        if (port != null) {
            KernelLink link = ip.links().get(port);
            ip.setMtu(link, spec.mtu(), undo);
            if (spec.uplink().kind() == UplinkKind.DEVICE && !spec.name().equals(link.master())
                    && ip.carriesAddresses(link)) {
                enslaveCarryingAddresses(bridge, link, undo);
            } else {
                ip.enslave(link, spec.name(), undo);
            }
            ip.setUp(link, undo);
        }
        ip.setUp(bridge, undo);
    }

    /** The NIC becomes the bridge's port; the bridge, up with the NIC's MAC, takes over its addresses and routes. */
    private void enslaveCarryingAddresses(KernelLink bridge, KernelLink nic, Undo undo) {
        ip.setMac(bridge, nic.mac(), undo);
        ip.setUp(bridge, undo);
        ip.moveAddresses(nic, bridge.name(), () -> ip.enslave(nic, bridge.name(), undo), undo);
    }

    /** Every refusal, decided before anything changes. */
    private void check(BridgeSpec spec, Map<String, KernelLink> links, ManagementDevices management) {
        KernelLink bridge = links.get(spec.name());
        if (bridge != null && !"bridge".equals(bridge.kind())) {
            throw busy(spec.name(), "exists and is not a bridge");
        }
        Uplink uplink = spec.uplink();
        String wanted = switch (uplink.kind()) {
            case NONE -> null;
            case DEVICE, BOND -> uplink.device();
            case VLAN -> vlanInterface(uplink.device(), uplink.tag());
        };
        for (KernelLink port : links.values()) {
            if (spec.name().equals(port.master()) && isUplink(port) && !port.name().equals(wanted)) {
                throw busy(spec.name(), "already has the uplink " + port.name());
            }
        }
        switch (uplink.kind()) {
            case NONE -> { }
            case DEVICE -> checkNic(uplink.device(), spec.name(), links, management, NicUse.BRIDGE_UPLINK);
            case VLAN -> {
                KernelLink parent = links.get(uplink.device());
                if (parent == null && uplink.parent().uplink().kind() != UplinkKind.BOND) {
                    throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host(), uplink.device());
                }
                if (uplink.parent().uplink().kind() == UplinkKind.BOND) {
                    check(uplink.parent(), links, management);
                }
                String name = vlanInterface(uplink.device(), uplink.tag());
                KernelLink existing = links.get(name);
                if (existing != null && !("vlan".equals(existing.kind()) && uplink.tag().equals(existing.vlanId())
                        && uplink.device().equals(existing.parent()))) {
                    throw busy(name, "exists and is not VLAN " + uplink.tag() + " on " + uplink.device());
                }
                if (existing != null && existing.master() != null && !existing.master().equals(spec.name())) {
                    throw busy(name, "is a port of " + existing.master());
                }
            }
            case BOND -> {
                KernelLink bond = links.get(uplink.device());
                if (bond != null && !("bond".equals(bond.kind())
                        && kernelBondMode(uplink.bondMode()).equals(bond.bondMode()))) {
                    throw busy(uplink.device(), "exists and is not a " + uplink.bondMode().wireName() + " bond");
                }
                if (bond != null && bond.master() != null && !bond.master().equals(spec.name())) {
                    throw busy(uplink.device(), "is a port of " + bond.master());
                }
                for (String member : uplink.members()) {
                    checkNic(member, uplink.device(), links, management, NicUse.BOND_MEMBER);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** What a NIC is asked to become: the management NIC may be a bridge's uplink, never a bond's member. */
    private enum NicUse { BRIDGE_UPLINK, BOND_MEMBER }

    private void checkNic(String device, String master, Map<String, KernelLink> links, ManagementDevices management,
                          NicUse use) {
        KernelLink nic = links.get(device);
        if (nic == null) {
            throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host(), device);
        }
        if (policy.isProtected(device) || use == NicUse.BOND_MEMBER && management.contains(device)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), device);
        }
        if (nic.master() != null && !nic.master().equals(master)) {
            throw busy(device, "is a port of " + nic.master());
        }
        if (nic.kind() != null && !"veth".equals(nic.kind())) {
            throw busy(device, "is a " + nic.kind() + ", not a NIC");
        }
    }

    /** Creates the VLAN interface or the bond the uplink needs; returns the device to enslave to the bridge. */
    private String uplinkPort(BridgeSpec spec, Map<String, KernelLink> links, Undo undo) {
        Uplink uplink = spec.uplink();
        switch (uplink.kind()) {
            case NONE:
                return null;
            case DEVICE:
                return uplink.device();
            case VLAN: {
                String name = vlanInterface(uplink.device(), uplink.tag());
                if (!links.containsKey(name)) {
                    ip.add(name, undo, "link", uplink.device(), "name", name, "type", "vlan", "id", uplink.tag().toString());
                }
                return name;
            }
            case BOND: {
                if (!links.containsKey(uplink.device())) {
                    ip.add(uplink.device(), undo, "name", uplink.device(), "type", "bond",
                            "mode", kernelBondMode(uplink.bondMode()), "miimon", "100");
                }
                for (String member : uplink.members()) {
                    KernelLink nic = ip.links().get(member);
                    if (!uplink.device().equals(nic.master())) {
                        if (nic.up()) {
                            ip.shell().check("ip", "link", "set", "dev", member, "down");
                            undo.add("down " + member, () -> ip.setUp(member));
                        }
                        ip.enslave(ip.links().get(member), uplink.device(), undo);
                        ip.setUp(member);
                    }
                }
                return uplink.device();
            }
            default:
                throw new IllegalStateException();
        }
    }

    @Override
    public synchronized void removeBridge(String bridge) {
        SpecChecks.name("bridge", bridge);
        Map<String, KernelLink> links = ip.links();
        KernelLink br = links.get(bridge);
        if (br == null) {
            return;
        }
        if (!"bridge".equals(br.kind())) {
            throw busy(bridge, "is not a bridge");
        }
        if (management(links).contains(bridge)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), bridge);
        }
        List<KernelLink> ports = links.values().stream().filter(l -> bridge.equals(l.master())).toList();
        List<String> vifs = ports.stream().filter(p -> !isUplink(p)).map(KernelLink::name).toList();
        if (!vifs.isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_IN_USE, host(), bridge, "VIF ports " + vifs);
        }
        List<String> children = links.values().stream()
                .filter(l -> "vlan".equals(l.kind()) && l.master() != null && isPortOfOurBond(links, l.parent(), bridge))
                .map(KernelLink::name).toList();
        if (!children.isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_IN_USE, host(), bridge, "VLANs " + children);
        }
        ip.delete(bridge);
        for (KernelLink port : ports) {
            if ("vlan".equals(port.kind()) || "bond".equals(port.kind())) {
                ip.delete(port.name());
            }
        }
    }

    private static boolean isPortOfOurBond(Map<String, KernelLink> links, String parent, String bridge) {
        KernelLink p = parent == null ? null : links.get(parent);
        return p != null && "bond".equals(p.kind()) && bridge.equals(p.master());
    }

    private boolean isUplink(KernelLink port) {
        return "vlan".equals(port.kind()) || "bond".equals(port.kind())
                || policy.physical(port.name(), port.onABus(), false);
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
        if (management(links).contains(port)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), port);
        }
        if (isUplink(link) || link.kind() != null && !"veth".equals(link.kind()) && !"tun".equals(link.kind())) {
            throw busy(port, "is not a VIF's device");
        }
        KernelLink bridge = links.get(spec.bridge());
        if (bridge == null || !"bridge".equals(bridge.kind())) {
            throw new NetworkFailure(WireError.BRIDGE_MISSING, host(), spec.bridge());
        }
        Undo undo = new Undo();
        try {
            ip.setMtu(link, spec.mtu(), undo);
            ip.enslave(link, spec.bridge(), undo);
            ip.setUp(link, undo);
        } catch (RuntimeException e) {
            undo.rollback();
            throw e;
        }
    }

    @Override
    public synchronized void detachPort(String port) {
        SpecChecks.name("port", port);
        KernelLink link = ip.links().get(port);
        if (link == null || link.master() == null) {
            return;
        }
        if (isUplink(link)) {
            throw busy(port, "is a bridge's uplink, not a VIF's device");
        }
        ip.release(port);
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
        if (management(links).contains(device)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host(), device);
        }
        ip.configure(link, config);
    }

    private NetworkFailure busy(String device, String reason) {
        return new NetworkFailure(WireError.DEVICE_BUSY, host(), device, reason);
    }
}
