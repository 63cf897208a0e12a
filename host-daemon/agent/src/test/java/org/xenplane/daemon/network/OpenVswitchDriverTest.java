package org.xenplane.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
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
import org.xenplane.daemon.network.openvswitch.OpenVswitchDriver;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.BondMode;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.InterfaceKind;
import org.xenplane.daemon.protocol.network.PortSpec;
import org.xenplane.daemon.protocol.network.Uplink;

/**
 * The openvswitch driver against Debian's Open vSwitch: a private ovsdb-server and ovs-vswitchd
 * per test host, running in that host's namespace with the userspace datapath (no kernel module
 * is needed), NICs and VMs as veths like the linuxbridge tests. Tagged traffic and bonds are
 * checked across two hosts connected by veth "wires".
 */
class OpenVswitchDriverTest extends HostNamespaceDriverContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Netns host;
    private OvsInstance ovs;
    private FaultyShell shell;
    private OpenVswitchDriver driver;

    @BeforeAll
    static void openVswitchCanRun() {
        String why = Netns.unavailableBecause();
        if (why == null) {
            why = OvsInstance.unavailableBecause();
        }
        if (why != null) {
            System.out.println("OpenVswitchDriverTest SKIPPED: " + why);
        }
        assumeTrue(why == null, why);
    }

    @BeforeEach
    void aHostWithItsOwnOpenVswitch() {
        host = track(Netns.create("ovs"));
        Netns wire = track(Netns.create("wire"));
        Netns.veth(host, "nic1", wire, "peer1");
        Netns.veth(host, "nic2", wire, "peer2");
        Netns.veth(host, "mgmt0", wire, "peer0");
        Netns.managementLink(host, "mgmt0", wire, "peer0");
        ovs = track(OvsInstance.start(host));
        shell = new FaultyShell(host.name);
        driver = driverFor(shell, ovs);
    }

    private static OpenVswitchDriver driverFor(Shell shell, OvsInstance ovs) {
        return new OpenVswitchDriver(new IpRoute(shell, JSON, java.nio.file.Path.of("/tmp", "xpt-run")),
                new DevicePolicy(Optional.of(Pattern.compile("nic[0-9]+|mgmt0")), Set.of()), JSON, ovs.db(), "netdev");
    }

    /** A second host with its own Open vSwitch. */
    private OpenVswitchDriver secondHost(Netns host2) {
        OvsInstance ovs2 = track(OvsInstance.start(host2));
        return driverFor(new Shell(host2.name, host2.name, Duration.ofSeconds(20)), ovs2);
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
        return driverFor(new Shell(host.name, host.name, Duration.ofSeconds(20)), ovs);
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    void stopOpenVswitchAndDeleteTheNamespaces() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        resources.clear();
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
        shell.failNext(command -> command.contains(" add-port ") || command.contains(" add-bond "));
    }

    @Override
    protected void assertVlanUplink(List<HostInterface> report, String bridge, String parentBridge, String nic, int tag) {
        HostInterface fake = get(bridge);
        assertThat(fake.kind()).isEqualTo(InterfaceKind.BRIDGE);
        assertThat(fake.vlanTag()).isEqualTo(tag);
        assertThat(fake.vlanParent()).isEqualTo(parentBridge);
        assertThat(get(nic).master()).isEqualTo(parentBridge);
    }

    @Test
    void trafficPassesBetweenTwoVmsAcrossTheBridgeAndStopsWhenAPortIsDetached() {
        driver.ensureBridge(internal("xpint0"));
        Netns a = track(Netns.vm("vma", host, "vif1", "192.0.2.1"));
        Netns b = track(Netns.vm("vmb", host, "vif2", "192.0.2.2"));
        driver.attachPort("vif1", new PortSpec("xpint0", 1500));
        driver.attachPort("vif2", new PortSpec("xpint0", 1500));
        assertThat(a.reaches("192.0.2.2")).as("ping across the bridge").isTrue();
        driver.detachPort("vif2");
        assertThat(a.ping("192.0.2.2")).as("ping after detaching").isFalse();
        driver.detachPort("vif1");
        driver.removeBridge("xpint0");
        assertThat(driver.interfaces()).extracting(HostInterface::name)
                .containsExactly("mgmt0", "nic1", "nic2", "vif1", "vif2");
    }

    @Test
    void trafficPassesAcrossAVlanBetweenTwoHostsOverATrunkAndNotIntoAnotherVlan() {
        Netns host2 = track(Netns.create("ovs2"));
        Netns.veth(host, "nic3", host2, "nic3");
        OpenVswitchDriver driver2 = secondHost(host2);
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
        assertThat(driver.interfaces()).filteredOn(i -> i.name().equals("vif1")).extracting(HostInterface::master)
                .containsExactly("xpvl10");
        assertThat(a.reaches("192.0.2.2")).as("VLAN 10 from host 1 to host 2 over the trunk").isTrue();
        assertThat(a.ping("192.0.2.3")).as("VLAN 10 into VLAN 20").isFalse();
        assertFails(() -> driver.removeBridge("xpbr3"), WireError.BRIDGE_IN_USE);
        assertFails(() -> driver.removeBridge("xpvl10"), WireError.BRIDGE_IN_USE);
        driver.detachPort("vif1");
        driver.removeBridge("xpvl10");
        driver.removeBridge("xpbr3");
        assertThat(a.ping("192.0.2.2")).isFalse();
    }

    @Test
    void trafficPassesAcrossAnActiveBackupBondBetweenTwoHostsAndFailsOverWhenALinkGoesDown() {
        Netns host2 = track(Netns.create("ovs2"));
        Netns.veth(host, "nic3", host2, "nic3");
        Netns.veth(host, "nic4", host2, "nic4");
        OpenVswitchDriver driver2 = secondHost(host2);
        BridgeSpec bonded = new BridgeSpec("xpbr5", 1500, Uplink.bond("xpbond0", List.of("nic3", "nic4"), BondMode.ACTIVE_BACKUP));
        driver.ensureBridge(bonded);
        driver2.ensureBridge(bonded);
        Netns a = track(Netns.vm("vma", host, "vif1", "192.0.2.1"));
        Netns b = track(Netns.vm("vmb", host2, "vif1", "192.0.2.2"));
        driver.attachPort("vif1", new PortSpec("xpbr5", 1500));
        driver2.attachPort("vif1", new PortSpec("xpbr5", 1500));
        // Active-backup uses one member per side; a veth going down takes both of its ends down, so
        // that both hosts pick the same member, first nic3, then (when nic3 goes down) nic4.
        host.sh("ip", "link", "set", "nic4", "down");
        assertThat(a.reaches("192.0.2.2")).as("ping across the bond over nic3").isTrue();
        host.sh("ip", "link", "set", "nic4", "up");
        host.sh("ip", "link", "set", "nic3", "down");
        assertThat(a.reaches("192.0.2.2")).as("ping after nic3 went down: failed over to nic4").isTrue();
        assertThat(driver.interfaces()).filteredOn(i -> i.name().equals("xpbond0")).singleElement()
                .satisfies(bond -> assertThat(bond.members()).containsExactly("nic3", "nic4"));
    }

    @Test
    void aLacpBondIsReportedWithItsMode() {
        driver.ensureBridge(new BridgeSpec("xpbr6", 1500, Uplink.bond("xpbond1", List.of("nic1", "nic2"), BondMode.LACP)));
        HostInterface bond = get("xpbond1");
        assertThat(bond.bondMode()).isEqualTo(BondMode.LACP);
        assertThat(bond.members()).containsExactly("nic1", "nic2");
        driver.removeBridge("xpbr6");
        driver.ensureBridge(new BridgeSpec("xpbr6", 1500, Uplink.bond("xpbond1", List.of("nic1", "nic2"), BondMode.BALANCE_SLB)));
        assertThat(get("xpbond1").bondMode()).isEqualTo(BondMode.BALANCE_SLB);
        driver.removeBridge("xpbr6");
        assertThat(find("xpbond1")).isEmpty();
    }

    @Test
    void aFailureCreatingAVlanBridgeUndoesTheParentBridgeItCreated() {
        var before = shape();
        shell.failNext(command -> command.contains(" add-br xpvl30 "));
        assertFails(() -> driver.ensureBridge(vlan("xpvl30", 30, onNic("xpbr7", "nic1"))), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        assertThat(host.linkNames(JSON)).doesNotContain("xpbr7", "xpvl30");
    }
}
