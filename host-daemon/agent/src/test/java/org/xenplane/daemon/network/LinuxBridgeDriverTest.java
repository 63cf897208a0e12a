package org.xenplane.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.network.linux.IpRoute;
import org.xenplane.daemon.network.linuxbridge.LinuxBridgeDriver;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.BondMode;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.InterfaceKind;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.IpMode;
import org.xenplane.daemon.protocol.network.PortSpec;
import org.xenplane.daemon.protocol.network.Uplink;

/**
 * The linuxbridge driver against real interfaces: each test makes a "host" namespace whose NICs
 * ({@code nic1}, {@code nic2}, and the management NIC {@code mgmt0}, with the host's address and
 * default route towards {@code peer0}) are veths to a "wire" namespace,
 * and "VMs" as namespaces whose eth0 is a veth to a backend device in the host. Traffic is
 * checked with ping. Everything lives in namespaces the test creates and deletes.
 */
class LinuxBridgeDriverTest extends HostNamespaceDriverContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Netns> namespaces = new ArrayList<>();
    private Netns host;
    private Netns wire;
    private FaultyShell shell;
    private LinuxBridgeDriver driver;

    @BeforeAll
    static void namespacesAreAvailable() {
        String why = Netns.unavailableBecause();
        if (why != null) {
            System.out.println("LinuxBridgeDriverTest SKIPPED: " + why);
        }
        assumeTrue(why == null, why);
    }

    @BeforeEach
    void aHostWithTwoNicsAndAManagementNic() {
        host = track(Netns.create("lb"));
        wire = track(Netns.create("wire"));
        Netns.veth(host, "nic1", wire, "peer1");
        Netns.veth(host, "nic2", wire, "peer2");
        Netns.veth(host, "mgmt0", wire, "peer0");
        Netns.managementLink(host, "mgmt0", wire, "peer0");
        shell = new FaultyShell(host.name);
        driver = driverFor(shell);
    }

    private static LinuxBridgeDriver driverFor(Shell shell) {
        return driverFor(shell, Set.of());
    }

    private static LinuxBridgeDriver driverFor(Shell shell, Set<String> protectedDevices) {
        return new LinuxBridgeDriver(new IpRoute(shell, JSON, java.nio.file.Path.of("/tmp", "xpt-run")),
                new DevicePolicy(Optional.of(Pattern.compile("nic[0-9]+|mgmt0")), protectedDevices));
    }

    @Override
    protected Netns host() {
        return host;
    }

    @Override
    protected Netns tracked(Netns ns) {
        return track(ns);
    }

    @Override
    protected NetworkDriver restartedDriver() {
        return driverFor(new Shell(host.name, host.name, java.time.Duration.ofSeconds(20)));
    }

    private Netns track(Netns ns) {
        namespaces.add(ns);
        return ns;
    }

    @AfterEach
    void deleteTheNamespaces() {
        namespaces.forEach(Netns::close);
        namespaces.clear();
    }

    @Override
    protected NetworkDriver driver() {
        return driver;
    }

    @Override
    protected String nic(int number) {
        return "nic" + number;
    }

    @Override
    protected String managementNic() {
        return "mgmt0";
    }

    @Override
    protected void addVifDevice(String name) {
        Netns vm = track(Netns.create("vm"));
        Netns.veth(host, name, vm, "eth0");
    }

    @Override
    protected void failAtEnslave() {
        shell.failNext(command -> command.contains(" master "));
    }

    @Override
    protected String vlansUnsupportedBecause() {
        return Netns.kernelSupports("vlan") ? null
                : "this kernel cannot create 802.1Q VLAN interfaces (no CONFIG_VLAN_8021Q); tagged traffic through the "
                + "linuxbridge driver is not tested here (see docs/network.md)";
    }

    @Override
    protected String bondsUnsupportedBecause() {
        return Netns.kernelSupports("bond") ? null
                : "this kernel cannot create bonds (no CONFIG_BONDING); linuxbridge bonds are not tested here (see docs/network.md)";
    }

    @Override
    protected void assertVlanUplink(List<HostInterface> report, String bridge, String parentBridge, String nic, int tag) {
        HostInterface vlan = get(nic + "." + tag);
        assertThat(vlan.kind()).isEqualTo(InterfaceKind.VLAN);
        assertThat(vlan.vlanTag()).isEqualTo(tag);
        assertThat(vlan.vlanParent()).isEqualTo(nic);
        assertThat(vlan.master()).isEqualTo(bridge);
    }

    @Test
    void theReportShowsTheNamespacesRealInterfaces() {
        List<HostInterface> report = driver.interfaces();
        assertThat(report).extracting(HostInterface::name).containsExactly("mgmt0", "nic1", "nic2");
        assertThat(get("nic1").physical()).isTrue();
        assertThat(get("nic1").mac()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(get("mgmt0").management()).isTrue();
        assertThat(get("nic1").management()).isFalse();
    }

    @Test
    void aProtectedDeviceIsNeverEnslaved() {
        LinuxBridgeDriver protecting = driverFor(shell, Set.of("nic2"));
        assertThat(protecting.interfaces()).filteredOn(i -> i.name().equals("nic2")).singleElement()
                .satisfies(i -> assertThat(i.management()).isTrue());
        assertFails(() -> protecting.ensureBridge(onNic("xpbr2", "nic2")), WireError.PIF_IS_MANAGEMENT_INTERFACE);
        assertThat(host.linkNames(JSON)).containsExactly("mgmt0", "nic1", "nic2");
    }

    @Test
    void trafficPassesBetweenTwoVmsAcrossTheBridgeAndStopsWhenAPortIsDetached() {
        driver.ensureBridge(internal("xpint0"));
        Netns a = track(Netns.vm("vma", host, "vif1", "192.0.2.1"));
        Netns b = track(Netns.vm("vmb", host, "vif2", "192.0.2.2"));
        assertThat(a.ping("192.0.2.2")).as("no bridge yet").isFalse();
        driver.attachPort("vif1", new PortSpec("xpint0", 1500));
        driver.attachPort("vif2", new PortSpec("xpint0", 1500));
        assertThat(a.reaches("192.0.2.2")).as("ping across the bridge").isTrue();
        driver.detachPort("vif2");
        assertThat(a.ping("192.0.2.2")).as("ping after detaching").isFalse();
        driver.detachPort("vif1");
        driver.removeBridge("xpint0");
        assertThat(host.linkNames(JSON)).containsExactly("mgmt0", "nic1", "nic2", "vif1", "vif2");
    }

    @Test
    void trafficPassesBetweenVmsOnTwoHostsThroughTheirNicsAsUplinks() {
        Netns host2 = track(Netns.create("lb2"));
        Netns.veth(host, "nic3", host2, "nic3");
        LinuxBridgeDriver driver2 = driverFor(new Shell(host2.name, host2.name, java.time.Duration.ofSeconds(20)));
        driver.ensureBridge(onNic("xpbr3", "nic3"));
        driver2.ensureBridge(onNic("xpbr3", "nic3"));
        Netns a = track(Netns.vm("vma", host, "vif1", "192.0.2.1"));
        Netns b = track(Netns.vm("vmb", host2, "vif1", "192.0.2.2"));
        driver.attachPort("vif1", new PortSpec("xpbr3", 1500));
        driver2.attachPort("vif1", new PortSpec("xpbr3", 1500));
        assertThat(a.reaches("192.0.2.2")).as("ping from host 1 to host 2 over the wire").isTrue();
        driver.detachPort("vif1");
        driver.removeBridge("xpbr3");
        assertThat(a.ping("192.0.2.2")).isFalse();
        assertThat(host.links(JSON).get("nic3").master()).isNull();
    }

    @Test
    void trafficPassesAcrossAVlanBetweenTwoHostsAndNotIntoAnotherVlan() {
        String why = vlansUnsupportedBecause();
        assumeTrue(why == null, why);
        Netns host2 = track(Netns.create("lb2"));
        Netns.veth(host, "nic3", host2, "nic3");
        LinuxBridgeDriver driver2 = driverFor(new Shell(host2.name, host2.name, java.time.Duration.ofSeconds(20)));
        BridgeSpec parent = onNic("xpbr3", "nic3");
        driver.ensureBridge(vlan("xpvl10", 10, parent));
        driver2.ensureBridge(vlan("xpvl10", 10, parent));
        driver2.ensureBridge(vlan("xpvl20", 20, parent));
        Netns a = track(Netns.vm("vma", host, "vif1", "192.0.2.1"));
        Netns b = track(Netns.vm("vmb", host2, "vif1", "192.0.2.2"));
        Netns c = track(Netns.vm("vmc", host2, "vif2", "192.0.2.3"));
        driver.attachPort("vif1", new PortSpec("xpvl10", 1500));
        driver2.attachPort("vif1", new PortSpec("xpvl10", 1500));
        driver2.attachPort("vif2", new PortSpec("xpvl20", 1500));
        assertThat(a.reaches("192.0.2.2")).as("same VLAN across hosts").isTrue();
        assertThat(a.ping("192.0.2.3")).as("another VLAN").isFalse();
    }

    @Test
    void onAKernelWithout8021qAVlanIsRefusedAndLeavesNoStrayBridge() {
        assumeTrue(!Netns.kernelSupports("vlan"), "this kernel has 802.1Q: the VLAN tests above ran instead");
        System.out.println("NOTE: this kernel has no 802.1Q VLAN support; checking that the linuxbridge driver fails "
                + "cleanly instead (tagged traffic is tested with the openvswitch driver)");
        var before = shape();
        assertFails(() -> driver.ensureBridge(vlan("xpvl10", 10, onNic("xpbr3", "nic1"))), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        assertThat(host.linkNames(JSON)).containsExactly("mgmt0", "nic1", "nic2");
    }

    @Test
    void onAKernelWithoutBondingABondIsRefusedAndLeavesNoStrayBridge() {
        assumeTrue(!Netns.kernelSupports("bond"), "this kernel has bonding: the bond test above ran instead");
        System.out.println("NOTE: this kernel has no bonding support; checking that the linuxbridge driver fails "
                + "cleanly instead (bonds are tested with the openvswitch driver)");
        var before = shape();
        assertFails(() -> driver.ensureBridge(new BridgeSpec("xpbr3", 1500,
                Uplink.bond("xpbond0", List.of("nic1", "nic2"), BondMode.ACTIVE_BACKUP))), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        assertThat(host.linkNames(JSON)).containsExactly("mgmt0", "nic1", "nic2");
    }

    @Test
    void aDhcpLeaseFromAServerOnTheWireAddressesTheBridgeUntilModeNone() {
        String why = DhcpServer.unavailableBecause();
        assumeTrue(why == null, why);
        driver.ensureBridge(onNic("xpbr8", "nic1"));
        assertFails(() -> driver.configureIp("xpbr8", new IpConfig(IpMode.DHCP, null, null, null, List.of())),
                WireError.NETWORK_BACKEND_FAILURE);
        assertThat(get("xpbr8").addresses()).as("no server, no lease, nothing left").isEmpty();
        try (DhcpServer server = DhcpServer.start(wire, "peer1")) {
            driver.configureIp("xpbr8", new IpConfig(IpMode.DHCP, null, null, null, List.of()));
            assertThat(get("xpbr8").addresses()).singleElement().asString().matches("192\\.0\\.2\\.1(0[0-9]|10)/24");
            assertThat(host.sh("ip", "route", "show", "default")).contains("via 192.0.2.1 dev xpbr8");
            assertThat(host.ping("192.0.2.1")).isTrue();
        } finally {
            driver.configureIp("xpbr8", IpConfig.none());
        }
        assertThat(get("xpbr8").addresses()).isEmpty();
        driver.removeBridge("xpbr8");
    }

    @Test
    void aFailureAfterTheNicIsEnslavedUndoesEverything() {
        var before = shape();
        shell.failNext(command -> command.startsWith("ip link set dev xpbr4 up"));
        assertFails(() -> driver.ensureBridge(onNic("xpbr4", "nic2")), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        assertThat(host.links(JSON).get("nic2").master()).isNull();
    }
}
