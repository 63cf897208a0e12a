package org.xenplane.daemon.protocol.network;

/** How a bridge reaches the outside world. */
public enum UplinkKind {
    /** None: a host-internal (private) network. */
    NONE,
    /** A NIC of the host (a physical PIF). */
    DEVICE,
    /** A VLAN on a parent device (a VLAN PIF). */
    VLAN,
    /** A bond of NICs (a bond's master PIF). */
    BOND
}
