package org.xenplane.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.network.simulated.SimulatedNetwork;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.InterfaceKind;
import org.xenplane.daemon.protocol.network.Uplink;

/** The simulated driver honours the driver contract, in memory. */
class SimulatedNetworkTest extends NetworkDriverContract {
    private SimulatedNetwork sim;

    @BeforeEach
    void aSimulatedHostWithFourNics() {
        sim = new SimulatedNetwork("sim-host-1", 4);
    }

    @Override
    protected NetworkDriver driver() {
        return sim;
    }

    @Override
    protected String nic(int number) {
        return "eth" + number;
    }

    @Override
    protected String managementNic() {
        return "eth0";
    }

    @Override
    protected void addVifDevice(String name) {
        sim.addVirtualDevice(name);
    }

    @Override
    protected void failAtEnslave() {
        sim.failAt(SimulatedNetwork.Step.ENSLAVE);
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
    void eachSimulatedHostHasItsOwnStableLocallyAdministeredMacs() {
        SimulatedNetwork other = new SimulatedNetwork("sim-host-2", 4);
        List<String> mine = sim.interfaces().stream().map(HostInterface::mac).toList();
        List<String> theirs = other.interfaces().stream().map(HostInterface::mac).toList();
        assertThat(mine).doesNotContainAnyElementsOf(theirs).doesNotHaveDuplicates();
        assertThat(new SimulatedNetwork("sim-host-1", 4).interfaces()).extracting(HostInterface::mac).isEqualTo(mine);
        assertThat(mine).allSatisfy(mac -> assertThat(Integer.parseInt(mac.substring(0, 2), 16) & 0x03).isEqualTo(0x02));
    }

    @Test
    void aFailureWhileCreatingAVlanUndoesTheBridgeCreatedBeforeIt() {
        var before = shape();
        sim.failAt(SimulatedNetwork.Step.ADD_VLAN);
        assertFails(() -> sim.ensureBridge(vlan("xpvl5", 5, onNic("xpbr1", "eth1"))), WireError.NETWORK_BACKEND_FAILURE);
        assertThat(shape()).isEqualTo(before);
        sim.ensureBridge(new BridgeSpec("xpvl5", 1500, Uplink.vlan("eth1", 5, onNic("xpbr1", "eth1"))));
        assertThat(get("eth1.5").master()).isEqualTo("xpvl5");
    }
}
