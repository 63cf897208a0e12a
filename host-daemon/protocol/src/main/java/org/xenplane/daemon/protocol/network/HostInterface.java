package org.xenplane.daemon.protocol.network;

import java.util.List;

/**
 * One interface of a host as the daemon finds it (never {@code lo}).
 *
 * @param name       the interface name, e.g. {@code eth0}, {@code xenbr0}, {@code eth0.10}
 * @param kind       what it is
 * @param mac        its MAC address, lower case with colons ({@code ""} when it has none)
 * @param mtu        its MTU
 * @param up         administratively up
 * @param master     the bridge or bond it is a port of, or null
 * @param vlanTag    for a VLAN interface or an Open vSwitch fake bridge: its tag, else null
 * @param vlanParent for a VLAN interface: its parent device; for a fake bridge: its parent bridge
 * @param bondMode   for a bond: {@code active-backup}, {@code balance-slb} or {@code lacp}, else null
 * @param members    for a bond: its member devices, else empty
 * @param addresses  its IP addresses with prefix length, e.g. {@code 192.0.2.10/24}
 * @param physical   a NIC of the host (a PIF's device)
 * @param management the host's management interface (it carried the default route, or was
 *                   configured as protected), or the bridge that took over its addresses: the
 *                   daemon never bonds, readdresses or removes it
 */
public record HostInterface(String name, InterfaceKind kind, String mac, int mtu, boolean up, String master,
                            Integer vlanTag, String vlanParent, BondMode bondMode, List<String> members,
                            List<String> addresses, boolean physical, boolean management) {

    public HostInterface {
        members = members == null ? List.of() : List.copyOf(members);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
