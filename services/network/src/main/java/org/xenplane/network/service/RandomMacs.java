package org.xenplane.network.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random MAC addresses for VIFs: unicast and locally administered (the first octet's low bits are
 * {@code 10}), so they never collide with a vendor's. Uniqueness in the pool is the database's
 * to decide (a unique constraint on {@code vif.mac}).
 */
public final class RandomMacs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomMacs() {
    }

    /** A random, locally administered, unicast MAC, lower case with colons. */
    public static String next() {
        byte[] octets = new byte[6];
        RANDOM.nextBytes(octets);
        octets[0] = (byte) ((octets[0] & 0xfc) | 0x02);
        return HexFormat.ofDelimiter(":").formatHex(octets);
    }
}
