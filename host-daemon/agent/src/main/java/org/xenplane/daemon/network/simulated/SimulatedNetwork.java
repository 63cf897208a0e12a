package org.xenplane.daemon.network.simulated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.xenplane.daemon.network.ManagementDevices;
import org.xenplane.daemon.network.NetworkDriver;
import org.xenplane.daemon.network.NetworkFailure;
import org.xenplane.daemon.network.SpecChecks;
import org.xenplane.daemon.network.Undo;
import org.xenplane.daemon.network.linuxbridge.LinuxBridgeDriver;
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
 * One simulated host's network, in memory: NICs {@code eth0 .. eth<n-1>} (eth0 is the management
 * interface, with an address of its own in 198.18.0.0/15, which moves to the bridge eth0 becomes
 * the uplink of, as on a real host), and the bridges, VLAN interfaces, bonds and ports the control plane asks for, laid
 * out as the {@code linuxbridge} driver lays them out. It refuses what the real drivers refuse,
 * with the same errors, and it undoes a half-done change the same way. Nothing on the machine is
 * touched. A test may inject a failure at a named step ({@link #failAt}) and add VIF backend
 * devices ({@link #addVirtualDevice}), as the hypervisor's hotplug would.
 */
public final class SimulatedNetwork implements NetworkDriver {
    public static final String ID = "simulated";

    /** The steps a failure can be injected at. */
    public enum Step { ADD_BRIDGE, ADD_VLAN, ADD_BOND, ENSLAVE, SET_MTU, SET_ADDRESS }

    private static final class Device {
        final String name;
        final InterfaceKind kind;
        final String mac;
        final boolean physical;
        final boolean management;
        int mtu = 1500;
        boolean up;
        String master;
        Integer vlanTag;
        String parent;
        BondMode bondMode;
        List<String> addresses = List.of();

        Device(String name, InterfaceKind kind, String mac, boolean physical, boolean management) {
            this.name = name;
            this.kind = kind;
            this.mac = mac;
            this.physical = physical;
            this.management = management;
        }
    }

    private final String host;
    private final Map<String, Device> devices = new TreeMap<>();
    private final Map<Step, NetworkFailure> injected = new ConcurrentHashMap<>();

    public SimulatedNetwork(String host, int nics) {
        this.host = host;
        for (int i = 0; i < nics; i++) {
            Device nic = new Device("eth" + i, InterfaceKind.ETHERNET, SimulatedIdentity.mac(host, "eth" + i), true, i == 0);
            nic.up = true;
            if (nic.management) {
                nic.addresses = List.of(SimulatedIdentity.managementAddress(nic.mac));
            }
            devices.put(nic.name, nic);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The management NIC and the bridge that carries its address. */
    private ManagementDevices management() {
        return ManagementDevices.of(
                devices.values().stream().filter(d -> d.management).map(d -> d.name).collect(Collectors.toSet()),
                devices.values().stream().map(d -> new ManagementDevices.Link(d.name, d.master,
                        d.kind == InterfaceKind.VLAN ? d.parent : null, isUplink(d))).toList());
    }

    /** The next change that reaches this step fails with a backend failure (once). */
    public void failAt(Step step) {
        injected.put(step, new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host, "injected failure at " + step));
    }

    /** Adds a plain device, as a VIF's backend appears when a domain's NIC is plugged. */
    public synchronized void addVirtualDevice(String name) {
        SpecChecks.name("name", name);
        devices.computeIfAbsent(name, n -> new Device(n, InterfaceKind.ETHERNET, SimulatedIdentity.mac(host, n), false, false));
    }

    /** Removes a plain device, as a VIF's backend goes when a domain's NIC is unplugged. */
    public synchronized void removeVirtualDevice(String name) {
        Device d = devices.get(name);
        if (d != null && !d.physical && d.kind == InterfaceKind.ETHERNET) {
            devices.remove(name);
        }
    }

    private void step(Step step) {
        NetworkFailure failure = injected.remove(step);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized List<HostInterface> interfaces() {
        ManagementDevices management = management();
        List<HostInterface> result = new ArrayList<>();
        for (Device d : devices.values()) {
            List<String> members = d.kind == InterfaceKind.BOND ? devices.values().stream()
                    .filter(m -> d.name.equals(m.master)).map(m -> m.name).toList() : List.of();
            result.add(new HostInterface(d.name, d.kind, d.mac, d.mtu, d.up, d.master, d.vlanTag, d.parent, d.bondMode,
                    members, d.addresses, d.physical, management.contains(d.name)));
        }
        result.sort(Comparator.comparing(HostInterface::name));
        return result;
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
        check(spec);
        Uplink uplink = spec.uplink();
        if (uplink.kind() == UplinkKind.VLAN && uplink.parent().uplink().kind() == UplinkKind.BOND) {
            ensure(uplink.parent(), undo);
        }
        Device bridge = devices.get(spec.name());
        if (bridge == null) {
            step(Step.ADD_BRIDGE);
            bridge = create(spec.name(), InterfaceKind.BRIDGE, undo);
        }
        setMtu(bridge, spec.mtu(), undo);
        Device port = switch (uplink.kind()) {
            case NONE -> null;
            case DEVICE -> devices.get(uplink.device());
            case VLAN -> vlan(uplink, undo);
            case BOND -> bond(uplink, undo);
        };
        if (port != null) {
            setMtu(port, spec.mtu(), undo);
            if (uplink.kind() == UplinkKind.DEVICE && !spec.name().equals(port.master)) {
                moveAddresses(port, bridge, undo);
            }
            enslave(port, spec.name(), undo);
            setUp(port, undo);
        }
        setUp(bridge, undo);
    }

    /** A NIC's addresses go to the bridge it becomes the uplink of (in one step: nothing to cut off here). */
    private void moveAddresses(Device nic, Device bridge, Undo undo) {
        if (nic.addresses.isEmpty()) {
            return;
        }
        List<String> nicHad = nic.addresses;
        List<String> bridgeHad = bridge.addresses;
        List<String> moved = new ArrayList<>(bridgeHad);
        moved.addAll(nicHad);
        bridge.addresses = List.copyOf(moved);
        nic.addresses = List.of();
        undo.add("addresses of " + nic.name, () -> {
            nic.addresses = nicHad;
            bridge.addresses = bridgeHad;
        });
    }

    private Device vlan(Uplink uplink, Undo undo) {
        String name = LinuxBridgeDriver.vlanInterface(uplink.device(), uplink.tag());
        Device vlan = devices.get(name);
        if (vlan == null) {
            step(Step.ADD_VLAN);
            vlan = create(name, InterfaceKind.VLAN, undo);
            vlan.vlanTag = uplink.tag();
            vlan.parent = uplink.device();
        }
        return vlan;
    }

    private Device bond(Uplink uplink, Undo undo) {
        Device bond = devices.get(uplink.device());
        if (bond == null) {
            step(Step.ADD_BOND);
            bond = create(uplink.device(), InterfaceKind.BOND, undo);
            bond.bondMode = uplink.bondMode();
        }
        for (String member : uplink.members()) {
            Device nic = devices.get(member);
            enslave(nic, bond.name, undo);
            setUp(nic, undo);
        }
        return bond;
    }

    private Device create(String name, InterfaceKind kind, Undo undo) {
        Device d = new Device(name, kind, SimulatedIdentity.mac(host, name), false, false);
        devices.put(name, d);
        undo.add("create " + name, () -> delete(name));
        return d;
    }

    private void delete(String name) {
        devices.remove(name);
        devices.values().stream().filter(d -> name.equals(d.master)).forEach(d -> d.master = null);
    }

    private void setMtu(Device d, int mtu, Undo undo) {
        if (d.mtu != mtu) {
            step(Step.SET_MTU);
            int old = d.mtu;
            d.mtu = mtu;
            undo.add("mtu of " + d.name, () -> d.mtu = old);
        }
    }

    private void setUp(Device d, Undo undo) {
        if (!d.up) {
            d.up = true;
            undo.add("up " + d.name, () -> d.up = false);
        }
    }

    private void enslave(Device d, String master, Undo undo) {
        if (!master.equals(d.master)) {
            step(Step.ENSLAVE);
            String old = d.master;
            d.master = master;
            undo.add("enslave " + d.name, () -> d.master = old);
        }
    }

    private void check(BridgeSpec spec) {
        Device bridge = devices.get(spec.name());
        if (bridge != null && bridge.kind != InterfaceKind.BRIDGE) {
            throw busy(spec.name(), "exists and is not a bridge");
        }
        Uplink uplink = spec.uplink();
        String wanted = switch (uplink.kind()) {
            case NONE -> null;
            case DEVICE, BOND -> uplink.device();
            case VLAN -> LinuxBridgeDriver.vlanInterface(uplink.device(), uplink.tag());
        };
        for (Device port : devices.values()) {
            if (spec.name().equals(port.master) && isUplink(port) && !port.name.equals(wanted)) {
                throw busy(spec.name(), "already has the uplink " + port.name);
            }
        }
        switch (uplink.kind()) {
            case NONE -> { }
            case DEVICE -> checkNic(uplink.device(), spec.name(), NicUse.BRIDGE_UPLINK);
            case VLAN -> {
                if (uplink.parent().uplink().kind() == UplinkKind.BOND) {
                    check(uplink.parent());
                } else if (!devices.containsKey(uplink.device())) {
                    throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host, uplink.device());
                }
                String name = LinuxBridgeDriver.vlanInterface(uplink.device(), uplink.tag());
                Device existing = devices.get(name);
                if (existing != null && !(existing.kind == InterfaceKind.VLAN && uplink.tag().equals(existing.vlanTag)
                        && uplink.device().equals(existing.parent))) {
                    throw busy(name, "exists and is not VLAN " + uplink.tag() + " on " + uplink.device());
                }
                if (existing != null && existing.master != null && !existing.master.equals(spec.name())) {
                    throw busy(name, "is a port of " + existing.master);
                }
            }
            case BOND -> {
                Device bond = devices.get(uplink.device());
                if (bond != null && !(bond.kind == InterfaceKind.BOND && bond.bondMode == uplink.bondMode())) {
                    throw busy(uplink.device(), "exists and is not a " + uplink.bondMode().wireName() + " bond");
                }
                if (bond != null && bond.master != null && !bond.master.equals(spec.name())) {
                    throw busy(uplink.device(), "is a port of " + bond.master);
                }
                for (String member : uplink.members()) {
                    checkNic(member, uplink.device(), NicUse.BOND_MEMBER);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** What a NIC is asked to become: the management NIC may be a bridge's uplink, never a bond's member. */
    private enum NicUse { BRIDGE_UPLINK, BOND_MEMBER }

    private void checkNic(String name, String master, NicUse use) {
        Device nic = devices.get(name);
        if (nic == null) {
            throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host, name);
        }
        if (use == NicUse.BOND_MEMBER && management().contains(name)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host, name);
        }
        if (nic.master != null && !nic.master.equals(master)) {
            throw busy(name, "is a port of " + nic.master);
        }
        if (nic.kind != InterfaceKind.ETHERNET) {
            throw busy(name, "is a " + nic.kind.name().toLowerCase() + ", not a NIC");
        }
    }

    @Override
    public synchronized void removeBridge(String bridge) {
        SpecChecks.name("bridge", bridge);
        Device br = devices.get(bridge);
        if (br == null) {
            return;
        }
        if (br.kind != InterfaceKind.BRIDGE) {
            throw busy(bridge, "is not a bridge");
        }
        if (management().contains(bridge)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host, bridge);
        }
        List<Device> ports = devices.values().stream().filter(d -> bridge.equals(d.master)).toList();
        List<String> vifs = ports.stream().filter(p -> !isUplink(p)).map(p -> p.name).toList();
        if (!vifs.isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_IN_USE, host, bridge, "VIF ports " + vifs);
        }
        List<String> children = devices.values().stream().filter(d -> d.kind == InterfaceKind.VLAN && d.master != null)
                .filter(d -> Optional.ofNullable(devices.get(d.parent))
                        .map(p -> p.kind == InterfaceKind.BOND && bridge.equals(p.master)).orElse(false))
                .map(d -> d.name).toList();
        if (!children.isEmpty()) {
            throw new NetworkFailure(WireError.BRIDGE_IN_USE, host, bridge, "VLANs " + children);
        }
        delete(bridge);
        for (Device port : ports) {
            if (port.kind == InterfaceKind.VLAN || port.kind == InterfaceKind.BOND) {
                delete(port.name);
            }
        }
    }

    private static boolean isUplink(Device d) {
        return d.physical || d.kind == InterfaceKind.VLAN || d.kind == InterfaceKind.BOND;
    }

    @Override
    public synchronized void attachPort(String port, PortSpec spec) {
        SpecChecks.name("port", port);
        SpecChecks.port(spec);
        Device d = devices.get(port);
        if (d == null) {
            throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host, port);
        }
        if (management().contains(port)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host, port);
        }
        if (isUplink(d) || d.kind != InterfaceKind.ETHERNET) {
            throw busy(port, "is not a VIF's device");
        }
        Device bridge = devices.get(spec.bridge());
        if (bridge == null || bridge.kind != InterfaceKind.BRIDGE) {
            throw new NetworkFailure(WireError.BRIDGE_MISSING, host, spec.bridge());
        }
        Undo undo = new Undo();
        try {
            setMtu(d, spec.mtu(), undo);
            enslave(d, spec.bridge(), undo);
            setUp(d, undo);
        } catch (RuntimeException e) {
            undo.rollback();
            throw e;
        }
    }

    @Override
    public synchronized void detachPort(String port) {
        SpecChecks.name("port", port);
        Device d = devices.get(port);
        if (d == null || d.master == null) {
            return;
        }
        if (isUplink(d)) {
            throw busy(port, "is a bridge's uplink, not a VIF's device");
        }
        d.master = null;
    }

    @Override
    public synchronized void configureIp(String device, IpConfig config) {
        SpecChecks.name("device", device);
        Optional<String> address = SpecChecks.ip(config);
        Device d = devices.get(device);
        if (d == null) {
            throw new NetworkFailure(WireError.PIF_UNKNOWN_DEVICE, host, device);
        }
        if (management().contains(device)) {
            throw new NetworkFailure(WireError.PIF_IS_MANAGEMENT_INTERFACE, host, device);
        }
        step(Step.SET_ADDRESS);
        d.addresses = address.map(List::of).orElse(List.of());
        if (address.isPresent()) {
            d.up = true;
        }
    }

    private NetworkFailure busy(String device, String reason) {
        return new NetworkFailure(WireError.DEVICE_BUSY, host, device, reason);
    }
}
