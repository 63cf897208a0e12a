package org.xenplane.daemon.protocol.network;

/**
 * A VIF's backend device (e.g. {@code vif5.0}) attached to a bridge.
 *
 * @param bridge the bridge to join (it must exist)
 * @param mtu    the MTU to set on the port, 68..9216
 */
public record PortSpec(String bridge, int mtu) {
}
