package org.xenplane.network.service;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.IpMode;
import org.xenplane.daemon.protocol.network.Ipv4;
import org.xenplane.daemon.protocol.network.NetworkProtocol;

/** The checks on what clients send, each with its error code (the daemons check again). */
public final class Checks {
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 9216;
    public static final int MAX_VLAN_TAG = 4094;
    public static final int MAX_VIF_DEVICE = 63;
    private static final Pattern INTERFACE = Pattern.compile(NetworkProtocol.INTERFACE_NAME);
    private static final Pattern MODEL = Pattern.compile("[a-z0-9_-]{1,32}");

    private Checks() {
    }

    public static int mtu(Integer mtu, int otherwise) {
        int value = mtu == null ? otherwise : mtu;
        if (value < MIN_MTU || value > MAX_MTU) {
            throw new XenplaneException(ErrorCode.MTU_INVALID, value, MIN_MTU, MAX_MTU);
        }
        return value;
    }

    public static int vlanTag(Integer tag) {
        if (tag == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "tag", "required");
        }
        if (tag < 0 || tag > MAX_VLAN_TAG) {
            throw new XenplaneException(ErrorCode.VLAN_TAG_INVALID, tag);
        }
        return tag;
    }

    public static String interfaceName(String field, String name) {
        if (name == null || !INTERFACE.matcher(name).matches() || name.equals("lo")) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, field, "an interface name: 1..15 letters, digits, '_', '.', '-'");
        }
        return name;
    }

    public static int vifDevice(Integer device) {
        if (device == null || device < 0 || device > MAX_VIF_DEVICE) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "device", "0.." + MAX_VIF_DEVICE);
        }
        return device;
    }

    public static String model(String model, String otherwise) {
        String value = model == null ? otherwise : model;
        if (!MODEL.matcher(value).matches()) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "model", "a NIC model such as rtl8139 or e1000");
        }
        return value;
    }

    public static Map<String, String> otherConfig(Map<String, String> config) {
        if (config == null) {
            return Map.of();
        }
        if (config.containsKey(null) || config.containsValue(null)) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "otherConfig", "keys and values are strings");
        }
        return config;
    }

    /** An IPv4 configuration: static needs an address and netmask, a gateway in the same network. */
    public static IpConfig ip(IpConfig config) {
        if (config.mode() == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "mode", "one of none, dhcp, static");
        }
        for (String server : config.dns()) {
            ipv4("dns", server);
        }
        if (config.mode() != IpMode.STATIC) {
            if (config.address() != null || config.netmask() != null || config.gateway() != null) {
                throw new XenplaneException(ErrorCode.INVALID_FIELD, "address", "only with mode static");
            }
            return config;
        }
        long address = ipv4("address", config.address());
        int prefix = Ipv4.prefixLength(config.netmask()).filter(p -> p >= 1 && p <= 32)
                .orElseThrow(() -> new XenplaneException(ErrorCode.INVALID_FIELD, "netmask", "a netmask such as 255.255.255.0"));
        if (config.gateway() != null) {
            long gateway = ipv4("gateway", config.gateway());
            if (gateway == address || !Ipv4.sameNetwork(address, gateway, prefix)) {
                throw new XenplaneException(ErrorCode.INVALID_FIELD, "gateway", "another address in the address's network");
            }
        }
        return config;
    }

    private static long ipv4(String field, String text) {
        return Ipv4.parse(text).filter(Ipv4::isUsableHost)
                .orElseThrow(() -> new XenplaneException(ErrorCode.INVALID_FIELD, field, "a unicast IPv4 address"));
    }

    public static List<String> addresses(String field, List<String> addresses) {
        if (addresses == null) {
            return List.of();
        }
        for (String a : addresses) {
            ipv4(field, a);
        }
        return addresses;
    }
}
