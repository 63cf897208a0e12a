package org.xenplane.daemon.network;

import java.util.List;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.PortSpec;

/**
 * A host's network, as a driver makes it: Linux bridges through iproute2, Open vSwitch through
 * {@code ovs-vsctl}, or an in-memory model (the simulator). The same contract for each
 * (NetworkDriverContract in the tests):
 * <ul>
 *   <li>every change is desired state and idempotent: asking twice changes nothing the second time;</li>
 *   <li>a change either completes or leaves the host as it found it (no stray bridge or interface);</li>
 *   <li>a refusal is a {@link NetworkFailure} with a typed error, checked before anything changes;</li>
 *   <li>the host's management interface is never enslaved, bonded or readdressed.</li>
 * </ul>
 */
public interface NetworkDriver {

    /** {@code simulated}, {@code linuxbridge} or {@code openvswitch}. */
    String id();

    /** The host's interfaces as they really are now, sorted by name, without {@code lo}. */
    List<HostInterface> interfaces();

    /** Makes the bridge exist with its MTU and uplink (creating a VLAN interface or a bond as needed). */
    void ensureBridge(BridgeSpec spec);

    /**
     * Removes the bridge and the VLAN interface or bond it was made with, releasing its NICs.
     * Refused with {@code BRIDGE_IN_USE} while a VIF port or a VLAN still uses it; nothing if it is gone.
     */
    void removeBridge(String bridge);

    /** Attaches an existing non-physical device (a VIF's backend) to a bridge, moving it if needed. */
    void attachPort(String port, PortSpec spec);

    /** Detaches a VIF's backend device from its bridge; nothing if it is not attached or gone. */
    void detachPort(String port);

    /** Sets the IPv4 configuration of a device (a PIF's bridge). */
    void configureIp(String device, IpConfig config);
}
