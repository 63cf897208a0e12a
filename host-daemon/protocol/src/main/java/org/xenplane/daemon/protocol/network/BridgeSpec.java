package org.xenplane.daemon.protocol.network;

/**
 * A bridge as it should be on a host: a network's bridge with its MTU and uplink.
 *
 * @param name   the bridge, e.g. {@code xenbr0}, {@code xapi3}
 * @param mtu    68..9216; applied to the bridge and its uplink
 * @param uplink how it reaches the outside world
 */
public record BridgeSpec(String name, int mtu, Uplink uplink) {
}
