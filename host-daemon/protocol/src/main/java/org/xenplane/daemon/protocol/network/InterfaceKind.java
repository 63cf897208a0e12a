package org.xenplane.daemon.protocol.network;

/** What an interface of a host is. */
public enum InterfaceKind {
    /** A NIC or another plain Ethernet device (a veth, a tap, a VIF's backend). */
    ETHERNET,
    /** A Linux bridge, or an Open vSwitch bridge (a fake bridge when it has a VLAN tag). */
    BRIDGE,
    /** An 802.1Q VLAN interface on a parent device. */
    VLAN,
    /** A bond of member devices (a Linux bond, or an Open vSwitch bond port). */
    BOND
}
