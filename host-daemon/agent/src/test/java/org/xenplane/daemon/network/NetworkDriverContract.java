package org.xenplane.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
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
 * What every network driver does, run against each: the simulator in memory, and the real
 * drivers against real interfaces in namespaces the tests create.
 */
abstract class NetworkDriverContract {

    /** The driver under test, ready in a host with NICs {@link #nic}(1), (2) and the management NIC. */
    protected abstract NetworkDriver driver();

    /** A NIC free for bridging. */
    protected abstract String nic(int number);

    protected abstract String managementNic();

    /** Makes a VIF's backend device appear, as a domain's NIC hotplug does. */
    protected abstract void addVifDevice(String name);

    /** The next step that enslaves a device to a bridge fails. */
    protected abstract void failAtEnslave();

    /** The report shows {@code bridge} as VLAN {@code tag} of {@code nic} (the way this driver lays it out). */
    protected abstract void assertVlanUplink(List<HostInterface> report, String bridge, String parentBridge, String nic, int tag);

    /** Why this host cannot make VLANs (a kernel without 802.1Q), or null. */
    protected String vlansUnsupportedBecause() {
        return null;
    }

    /** Why this host cannot make bonds, or null. */
    protected String bondsUnsupportedBecause() {
        return null;
    }

    protected static BridgeSpec internal(String name) {
        return new BridgeSpec(name, 1500, Uplink.none());
    }

    protected static BridgeSpec onNic(String name, String nic) {
        return new BridgeSpec(name, 1500, Uplink.device(nic));
    }

    protected static BridgeSpec vlan(String name, int tag, BridgeSpec parent) {
        return new BridgeSpec(name, 1500, Uplink.vlan(parent.uplink().device(), tag, parent));
    }

    protected Optional<HostInterface> find(String name) {
        return driver().interfaces().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    protected HostInterface get(String name) {
        return find(name).orElseThrow(() -> new AssertionError(name + " is not reported: " + driver().interfaces()));
    }

    /** What must be the same after a change is undone: every interface, its kind, master and tag. */
    protected Map<String, String> shape() {
        Map<String, String> shape = new TreeMap<>();
        for (HostInterface i : driver().interfaces()) {
            shape.put(i.name(), i.kind() + " master=" + i.master() + " vlan=" + i.vlanTag() + " members=" + i.members());
        }
        return shape;
    }

    protected static void assertFails(ThrowingCallable call, WireError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NetworkFailure.class,
                f -> assertThat(f.error()).as(f.getMessage()).isEqualTo(error));
    }

    @Test
    void anInternalBridgeIsCreatedOnceWithItsMtuAndUp() {
        driver().ensureBridge(new BridgeSpec("xpint0", 1400, Uplink.none()));
        Map<String, String> once = shape();
        driver().ensureBridge(new BridgeSpec("xpint0", 1400, Uplink.none()));
        assertThat(shape()).isEqualTo(once);
        HostInterface bridge = get("xpint0");
        assertThat(bridge.kind()).isEqualTo(InterfaceKind.BRIDGE);
        assertThat(bridge.mtu()).isEqualTo(1400);
        assertThat(bridge.up()).isTrue();
        driver().removeBridge("xpint0");
    }

    @Test
    void aBridgeWithANicEnslavesItAndRemovingItReleasesItLeavingNothingBehind() {
        Map<String, String> before = shape();
        driver().ensureBridge(onNic("xpbr1", nic(1)));
        assertThat(get(nic(1)).master()).isEqualTo("xpbr1");
        assertThat(get(nic(1)).physical()).isTrue();
        driver().removeBridge("xpbr1");
        assertThat(shape()).isEqualTo(before);
        driver().removeBridge("xpbr1");
        assertThat(shape()).isEqualTo(before);
    }

    @Test
    void aNicInOneBridgeIsRefusedToAnotherAndNothingIsCreated() {
        driver().ensureBridge(onNic("xpbr1", nic(1)));
        Map<String, String> before = shape();
        assertFails(() -> driver().ensureBridge(onNic("xpbr2", nic(1))), WireError.DEVICE_BUSY);
        assertThat(shape()).isEqualTo(before);
        assertThat(find("xpbr2")).isEmpty();
        driver().removeBridge("xpbr1");
    }

    @Test
    void anUnknownDeviceIsRefusedAndNothingIsCreated() {
        Map<String, String> before = shape();
        assertFails(() -> driver().ensureBridge(onNic("xpbr1", "nosuchnic9")), WireError.PIF_UNKNOWN_DEVICE);
        assertFails(() -> driver().configureIp("nosuchnic9", IpConfig.none()), WireError.PIF_UNKNOWN_DEVICE);
        assertFails(() -> driver().attachPort("nosuchvif9", new PortSpec("xpbr1", 1500)), WireError.PIF_UNKNOWN_DEVICE);
        assertThat(shape()).isEqualTo(before);
    }

    @Test
    void theManagementNicIsNeverBondedReaddressedOrAttachedAsAVif() {
        driver().ensureBridge(internal("xpint5"));
        Map<String, String> before = shape();
        assertThat(get(managementNic()).management()).isTrue();
        assertFails(() -> driver().ensureBridge(new BridgeSpec("xpbr1", 1500,
                Uplink.bond("xpbond0", List.of(nic(1), managementNic()), BondMode.ACTIVE_BACKUP))),
                WireError.PIF_IS_MANAGEMENT_INTERFACE);
        assertFails(() -> driver().configureIp(managementNic(), IpConfig.none()), WireError.PIF_IS_MANAGEMENT_INTERFACE);
        assertFails(() -> driver().attachPort(managementNic(), new PortSpec("xpint5", 1500)),
                WireError.PIF_IS_MANAGEMENT_INTERFACE);
        assertThat(shape()).isEqualTo(before);
        driver().removeBridge("xpint5");
    }

    @Test
    void theManagementNicBecomesItsBridgesUplinkAndTheBridgeTakesOverItsAddresses() {
        HostInterface nic = get(managementNic());
        assertThat(nic.addresses()).as("the management NIC has an address").isNotEmpty();
        driver().ensureBridge(onNic("xpmgmt0", managementNic()));
        driver().ensureBridge(onNic("xpmgmt0", managementNic()));
        HostInterface bridge = get("xpmgmt0");
        assertThat(bridge.addresses()).containsExactlyElementsOf(nic.addresses());
        assertThat(bridge.management()).isTrue();
        assertThat(get(managementNic()).master()).isEqualTo("xpmgmt0");
        assertThat(get(managementNic()).addresses()).isEmpty();
        assertThat(get(managementNic()).management()).as("still the management NIC (its PIF stays management)").isTrue();
        addVifDevice("xpvif3");
        driver().attachPort("xpvif3", new PortSpec("xpmgmt0", 1500));
        assertThat(get("xpvif3").master()).isEqualTo("xpmgmt0");
        assertThat(get("xpvif3").management()).isFalse();
        assertFails(() -> driver().ensureBridge(onNic("xpbr1", managementNic())), WireError.DEVICE_BUSY);
        assertFails(() -> driver().configureIp("xpmgmt0", IpConfig.none()), WireError.PIF_IS_MANAGEMENT_INTERFACE);
        driver().detachPort("xpvif3");
        assertFails(() -> driver().removeBridge("xpmgmt0"), WireError.PIF_IS_MANAGEMENT_INTERFACE);
        assertThat(get("xpmgmt0").addresses()).containsExactlyElementsOf(nic.addresses());
        assertThat(get(managementNic()).master()).isEqualTo("xpmgmt0");
        assertThat(find("xpbr1")).isEmpty();
    }

    @Test
    void aFailureWhileTheManagementNicIsEnslavedLeavesItsAddressesOnIt() {
        List<String> addresses = get(managementNic()).addresses();
        Map<String, String> before = shape();
        failAtEnslave();
        assertFails(() -> driver().ensureBridge(onNic("xpmgmt0", managementNic())), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        assertThat(find("xpmgmt0")).isEmpty();
        assertThat(get(managementNic()).addresses()).isEqualTo(addresses);
    }

    @Test
    void badInputIsRefusedWithTypedErrorsBeforeAnythingChanges() {
        Map<String, String> before = shape();
        assertFails(() -> driver().ensureBridge(new BridgeSpec("xpbr1", 67, Uplink.none())), WireError.MTU_INVALID);
        assertFails(() -> driver().ensureBridge(new BridgeSpec("xpbr1", 9217, Uplink.none())), WireError.MTU_INVALID);
        assertFails(() -> driver().ensureBridge(vlan("xpvl1", 4095, onNic("xpbr1", nic(1)))), WireError.VLAN_TAG_INVALID);
        assertFails(() -> driver().ensureBridge(vlan("xpvl1", -1, onNic("xpbr1", nic(1)))), WireError.VLAN_TAG_INVALID);
        assertFails(() -> driver().ensureBridge(internal("a-name-far-too-long")), WireError.INVALID_FIELD);
        assertFails(() -> driver().ensureBridge(internal("bad/name")), WireError.INVALID_FIELD);
        assertFails(() -> driver().ensureBridge(new BridgeSpec("xpbr1", 1500,
                Uplink.bond("xpbond0", List.of(nic(1)), BondMode.LACP))), WireError.INVALID_FIELD);
        assertFails(() -> driver().configureIp("xpbr1", new IpConfig(IpMode.STATIC, "192.0.2.300", "255.255.255.0", null,
                List.of())), WireError.INVALID_FIELD);
        assertThat(shape()).isEqualTo(before);
    }

    @Test
    void aFailureHalfWayLeavesNoStrayBridgeOrInterface() {
        Map<String, String> before = shape();
        failAtEnslave();
        assertFails(() -> driver().ensureBridge(onNic("xpbr1", nic(1))), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        assertThat(find("xpbr1")).isEmpty();
    }

    @Test
    void aVifPortIsAttachedMovedAndDetachedIdempotently() {
        driver().ensureBridge(internal("xpint1"));
        driver().ensureBridge(internal("xpint2"));
        addVifDevice("xpvif1");
        driver().attachPort("xpvif1", new PortSpec("xpint1", 1500));
        driver().attachPort("xpvif1", new PortSpec("xpint1", 1500));
        assertThat(get("xpvif1").master()).isEqualTo("xpint1");
        driver().attachPort("xpvif1", new PortSpec("xpint2", 1500));
        assertThat(get("xpvif1").master()).isEqualTo("xpint2");
        assertFails(() -> driver().removeBridge("xpint2"), WireError.BRIDGE_IN_USE);
        assertThat(get("xpint2").kind()).isEqualTo(InterfaceKind.BRIDGE);
        driver().detachPort("xpvif1");
        driver().detachPort("xpvif1");
        assertThat(get("xpvif1").master()).isNull();
        driver().removeBridge("xpint1");
        driver().removeBridge("xpint2");
        assertThat(find("xpint2")).isEmpty();
    }

    @Test
    void aPortIsRefusedToAMissingBridgeAndANicIsNeverAttachedAsAVif() {
        addVifDevice("xpvif2");
        assertFails(() -> driver().attachPort("xpvif2", new PortSpec("xpnobr", 1500)), WireError.BRIDGE_MISSING);
        driver().ensureBridge(internal("xpint3"));
        assertFails(() -> driver().attachPort(nic(2), new PortSpec("xpint3", 1500)), WireError.DEVICE_BUSY);
        driver().removeBridge("xpint3");
    }

    @Test
    void aVlanBridgeIsTaggedOnItsParentAndRemovedAlone() {
        String why = vlansUnsupportedBecause();
        assumeTrue(why == null, why);
        BridgeSpec parent = onNic("xpbr1", nic(1));
        driver().ensureBridge(vlan("xpvl10", 10, parent));
        driver().ensureBridge(vlan("xpvl10", 10, parent));
        assertVlanUplink(driver().interfaces(), "xpvl10", "xpbr1", nic(1), 10);
        assertFails(() -> driver().ensureBridge(vlan("xpvl10", 11, parent)), WireError.DEVICE_BUSY);
        driver().removeBridge("xpvl10");
        assertThat(find("xpvl10")).isEmpty();
        assertThat(driver().interfaces()).noneMatch(i -> Integer.valueOf(10).equals(i.vlanTag()));
        driver().removeBridge("xpbr1");
    }

    @Test
    void aBondBridgeBondsItsMembersAndRemovingItReleasesThem() {
        String why = bondsUnsupportedBecause();
        assumeTrue(why == null, why);
        Map<String, String> before = shape();
        BridgeSpec spec = new BridgeSpec("xpbr3", 1500, Uplink.bond("xpbond0", List.of(nic(1), nic(2)), BondMode.ACTIVE_BACKUP));
        driver().ensureBridge(spec);
        driver().ensureBridge(spec);
        HostInterface bond = get("xpbond0");
        assertThat(bond.kind()).isEqualTo(InterfaceKind.BOND);
        assertThat(bond.bondMode()).isEqualTo(BondMode.ACTIVE_BACKUP);
        assertThat(bond.members()).containsExactlyInAnyOrder(nic(1), nic(2));
        assertThat(bond.master()).isEqualTo("xpbr3");
        assertThat(get(nic(1)).master()).isEqualTo("xpbond0");
        assertFails(() -> driver().ensureBridge(new BridgeSpec("xpbr3", 1500,
                Uplink.bond("xpbond0", List.of(nic(1), nic(2)), BondMode.LACP))), WireError.DEVICE_BUSY);
        driver().removeBridge("xpbr3");
        assertThat(shape()).isEqualTo(before);
    }

    @Test
    void aStaticAddressIsAppliedToABridgeAndRemovedWithModeNone() {
        driver().ensureBridge(internal("xpint4"));
        driver().configureIp("xpint4", new IpConfig(IpMode.STATIC, "192.0.2.10", "255.255.255.0", "192.0.2.1",
                List.of("192.0.2.53")));
        assertThat(get("xpint4").addresses()).containsExactly("192.0.2.10/24");
        driver().configureIp("xpint4", new IpConfig(IpMode.STATIC, "198.51.100.7", "255.255.255.128", null, List.of()));
        assertThat(get("xpint4").addresses()).containsExactly("198.51.100.7/25");
        driver().configureIp("xpint4", IpConfig.none());
        assertThat(get("xpint4").addresses()).isEmpty();
        assertFails(() -> driver().configureIp("xpint4", new IpConfig(IpMode.STATIC, "192.0.2.10", "255.255.255.0",
                "198.51.100.1", List.of())), WireError.INVALID_FIELD);
        assertFails(() -> driver().configureIp("xpint4", new IpConfig(IpMode.STATIC, "192.0.2.10", "255.0.255.0",
                null, List.of())), WireError.INVALID_FIELD);
        driver().removeBridge("xpint4");
    }
}
