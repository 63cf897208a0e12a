package org.xenplane.daemon.network.linux;

import java.util.List;

/**
 * One kernel network device as {@code ip -d -j addr show} describes it.
 *
 * @param name      interface name
 * @param kind      {@code linkinfo.info_kind} ({@code bridge}, {@code vlan}, {@code bond}, {@code veth}, ...) or null for a NIC
 * @param master    the bridge or bond it is enslaved to, or null
 * @param parent    the device it is stacked on (a VLAN's parent), or null
 * @param mtu       its MTU
 * @param mac       its MAC, lower case
 * @param up        administratively up
 * @param vlanId    for a VLAN: its tag
 * @param bondMode  for a bond: the kernel's mode name ({@code active-backup}, {@code balance-alb}, {@code 802.3ad})
 * @param addresses IPv4 and global IPv6 addresses with prefix length
 * @param onABus    it sits on a bus (PCI, virtio): a real NIC; a VIF backend (bus {@code xen-backend}) is not
 */
public record KernelLink(String name, String kind, String master, String parent, int mtu, String mac, boolean up,
                         Integer vlanId, String bondMode, List<String> addresses, boolean onABus) {
}
