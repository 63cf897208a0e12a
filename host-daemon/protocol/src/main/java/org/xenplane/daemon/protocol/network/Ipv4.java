package org.xenplane.daemon.protocol.network;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict IPv4 text forms, parsed without name resolution (never {@code InetAddress.getByName}).
 * Shared by the control plane, which validates requests, and the daemon, which applies them.
 */
public final class Ipv4 {
    private static final Pattern DOTTED = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private Ipv4() {
    }

    /** The address as a 32-bit number, or empty when the text is not a dotted quad. */
    public static Optional<Long> parse(String text) {
        if (text == null || text.length() > 15 || !DOTTED.matcher(text).matches()) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : text.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return Optional.of(value);
    }

    /** The prefix length of a netmask such as {@code 255.255.255.0} (24), or empty when it is not contiguous. */
    public static Optional<Integer> prefixLength(String netmask) {
        Optional<Long> mask = parse(netmask);
        if (mask.isEmpty()) {
            return Optional.empty();
        }
        long m = mask.get();
        int ones = Long.bitCount(m);
        long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
        return m == expected ? Optional.of(ones) : Optional.empty();
    }

    /** A unicast host address usable on an interface: not 0.0.0.0/8, multicast, broadcast or loopback. */
    public static boolean isUsableHost(long address) {
        int first = (int) (address >>> 24);
        return first != 0 && first != 127 && first < 224;
    }

    /** True when both addresses are in the same network under the prefix length. */
    public static boolean sameNetwork(long a, long b, int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (a & mask) == (b & mask);
    }
}
