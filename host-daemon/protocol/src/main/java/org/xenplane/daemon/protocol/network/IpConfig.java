package org.xenplane.daemon.protocol.network;

import java.util.List;

/**
 * The IPv4 configuration of a device.
 *
 * @param mode    none, DHCP or static
 * @param address {@code STATIC}: the address, e.g. {@code 192.0.2.10}
 * @param netmask {@code STATIC}: the netmask, e.g. {@code 255.255.255.0}
 * @param gateway {@code STATIC}: the default gateway, or null
 * @param dns     name servers (recorded; see docs/network.md)
 */
public record IpConfig(IpMode mode, String address, String netmask, String gateway, List<String> dns) {
    public IpConfig {
        dns = dns == null ? List.of() : List.copyOf(dns);
    }

    public static IpConfig none() {
        return new IpConfig(IpMode.NONE, null, null, null, List.of());
    }
}
