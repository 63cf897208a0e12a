package org.xenplane.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.PortSpec;

/**
 * The contract of the drivers that work on a real host's network stack (Linux bridge, Open
 * vSwitch), checked in a network namespace playing the host: its management NIC {@code mgmt0}
 * carries {@link Netns#HOST_ADDRESS} and the default route to {@link Netns#PEER}.
 */
abstract class HostNamespaceDriverContract extends NetworkDriverContract {

    /** The namespace playing the host. */
    protected abstract Netns host();

    /** A namespace made by the test, to delete afterwards. */
    protected abstract Netns tracked(Netns ns);

    /** A new driver on the same host, as after a daemon restart. */
    protected abstract NetworkDriver restartedDriver();

    @Test
    void theHostStaysReachableWhileTheBridgeTakesOverItsManagementAddressAndAVmOnItReachesThePeer() throws Exception {
        String mac = get("mgmt0").mac();
        assertThat(host().ping(Netns.PEER)).as("the peer, before").isTrue();
        Pinger pinger = Pinger.start(host(), Netns.PEER, 40);
        driver().ensureBridge(onNic("xenbr0", "mgmt0"));
        assertThat(host().ping(Netns.PEER)).as("the peer, right after, with no manual step").isTrue();
        assertThat(pinger.lost()).as("pings lost while the address moved (one every 50 ms for 2 s)").isZero();
        assertThat(get("xenbr0").addresses()).containsExactly(Netns.HOST_ADDRESS + "/24");
        assertThat(get("xenbr0").mac()).as("the bridge has the NIC's MAC, as in XenServer").isEqualTo(mac);
        assertThat(host().sh("ip", "route", "show", "default")).contains("via " + Netns.PEER + " dev xenbr0");
        Netns vm = tracked(Netns.vm("vm", host(), "vif1", "198.51.100.3"));
        driver().attachPort("vif1", new PortSpec("xenbr0", 1500));
        assertThat(vm.reaches(Netns.PEER)).as("a VM on the management bridge reaches the peer").isTrue();
        assertThat(vm.reaches(Netns.HOST_ADDRESS)).as("and the host").isTrue();
        NetworkDriver restarted = restartedDriver();
        assertThat(restarted.interfaces()).filteredOn(HostInterface::management).extracting(HostInterface::name)
                .as("after a daemon restart, the NIC under the bridge that carries the route").containsExactly("mgmt0", "xenbr0");
    }
}
