package org.xenplane.daemon.network;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.IpMode;
import org.xenplane.daemon.protocol.network.Ipv4;
import org.xenplane.daemon.protocol.network.NetworkProtocol;
import org.xenplane.daemon.protocol.network.PortSpec;
import org.xenplane.daemon.protocol.network.Uplink;
import org.xenplane.daemon.protocol.network.UplinkKind;

/** The checks every driver makes on a request before it changes anything. */
public final class SpecChecks {
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 9216;
    public static final int MAX_VLAN_TAG = 4094;
    private static final Pattern NAME = Pattern.compile(NetworkProtocol.INTERFACE_NAME);

    private SpecChecks() {
    }

    public static void name(String field, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals("lo")) {
            throw new NetworkFailure(WireError.INVALID_FIELD, field,
                    "an interface name: 1..15 letters, digits, '_', '.', '-', not 'lo'");
        }
    }

    public static void mtu(int mtu) {
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new NetworkFailure(WireError.MTU_INVALID, mtu, MIN_MTU, MAX_MTU);
        }
    }

    public static void bridge(BridgeSpec spec) {
        if (spec == null) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "body", "a bridge is required");
        }
        name("name", spec.name());
        mtu(spec.mtu());
        Uplink uplink = spec.uplink();
        if (uplink == null || uplink.kind() == null) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.kind", "one of NONE, DEVICE, VLAN, BOND");
        }
        switch (uplink.kind()) {
            case NONE -> { }
            case DEVICE -> name("uplink.device", uplink.device());
            case VLAN -> vlan(spec, uplink);
            case BOND -> bond(uplink);
            default -> throw new IllegalStateException();
        }
    }

    private static void vlan(BridgeSpec spec, Uplink uplink) {
        name("uplink.device", uplink.device());
        if (uplink.tag() == null || uplink.tag() < 0 || uplink.tag() > MAX_VLAN_TAG) {
            throw new NetworkFailure(WireError.VLAN_TAG_INVALID, uplink.tag());
        }
        BridgeSpec parent = uplink.parent();
        if (parent == null) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.parent", "a VLAN needs its parent's bridge");
        }
        bridge(parent);
        UplinkKind parentKind = parent.uplink().kind();
        if (parentKind != UplinkKind.DEVICE && parentKind != UplinkKind.BOND) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.parent.uplink.kind", "a VLAN's parent is a NIC or a bond");
        }
        if (!parent.uplink().device().equals(uplink.device())) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.device", "must be the parent bridge's uplink device");
        }
        if (parent.name().equals(spec.name())) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.parent.name", "a VLAN's bridge is not its parent's");
        }
    }

    private static void bond(Uplink uplink) {
        name("uplink.device", uplink.device());
        if (uplink.bondMode() == null) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.bondMode", "one of active-backup, balance-slb, lacp");
        }
        List<String> members = uplink.members();
        if (members.size() < 2 || new HashSet<>(members).size() != members.size()) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.members", "at least two distinct devices");
        }
        for (String member : members) {
            name("uplink.members", member);
            if (member.equals(uplink.device())) {
                throw new NetworkFailure(WireError.INVALID_FIELD, "uplink.members", "a bond is not its own member");
            }
        }
    }

    public static void port(PortSpec spec) {
        if (spec == null) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "body", "a port is required");
        }
        name("bridge", spec.bridge());
        mtu(spec.mtu());
    }

    /** The address with its prefix length ({@code 192.0.2.10/24}) for a static configuration, checked. */
    public static Optional<String> ip(IpConfig config) {
        if (config == null || config.mode() == null) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "mode", "one of none, dhcp, static");
        }
        for (String server : config.dns()) {
            if (Ipv4.parse(server).isEmpty()) {
                throw new NetworkFailure(WireError.INVALID_FIELD, "dns", "IPv4 addresses");
            }
        }
        if (config.mode() != IpMode.STATIC) {
            return Optional.empty();
        }
        long address = Ipv4.parse(config.address()).filter(Ipv4::isUsableHost)
                .orElseThrow(() -> new NetworkFailure(WireError.INVALID_FIELD, "address", "a unicast IPv4 address"));
        int prefix = Ipv4.prefixLength(config.netmask()).filter(p -> p >= 1 && p <= 32)
                .orElseThrow(() -> new NetworkFailure(WireError.INVALID_FIELD, "netmask", "a netmask such as 255.255.255.0"));
        if (config.gateway() != null && !config.gateway().isEmpty()) {
            long gateway = Ipv4.parse(config.gateway()).filter(Ipv4::isUsableHost)
                    .orElseThrow(() -> new NetworkFailure(WireError.INVALID_FIELD, "gateway", "a unicast IPv4 address"));
            if (!Ipv4.sameNetwork(address, gateway, prefix) || gateway == address) {
                throw new NetworkFailure(WireError.INVALID_FIELD, "gateway", "another address in the same network");
            }
        }
        return Optional.of(config.address() + "/" + prefix);
    }
}
