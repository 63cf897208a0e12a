package org.xenplane.daemon.protocol.network;

import java.util.List;

/**
 * The uplink of a bridge.
 *
 * @param kind     none, a device, a VLAN or a bond
 * @param device   {@code DEVICE}: the NIC; {@code VLAN}: the parent device (a NIC or a bond);
 *                 {@code BOND}: the bond's name
 * @param tag      {@code VLAN}: the 802.1Q tag, 0..4094
 * @param parent   {@code VLAN}: the bridge of the parent device's network, with its own uplink
 *                 (Open vSwitch hangs the VLAN's fake bridge on it; a Linux bridge needs it only
 *                 when the parent is a bond)
 * @param bondMode {@code BOND}: the mode
 * @param members  {@code BOND}: the member NICs, at least two
 */
public record Uplink(UplinkKind kind, String device, Integer tag, BridgeSpec parent, BondMode bondMode,
                     List<String> members) {

    public Uplink {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static Uplink none() {
        return new Uplink(UplinkKind.NONE, null, null, null, null, List.of());
    }

    public static Uplink device(String device) {
        return new Uplink(UplinkKind.DEVICE, device, null, null, null, List.of());
    }

    public static Uplink vlan(String parentDevice, int tag, BridgeSpec parent) {
        return new Uplink(UplinkKind.VLAN, parentDevice, tag, parent, null, List.of());
    }

    public static Uplink bond(String bond, List<String> members, BondMode mode) {
        return new Uplink(UplinkKind.BOND, bond, null, null, mode, members);
    }
}
