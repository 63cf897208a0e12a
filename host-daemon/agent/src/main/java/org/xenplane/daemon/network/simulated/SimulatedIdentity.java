package org.xenplane.daemon.network.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The stable MACs and management addresses of simulated devices, derived from the host's and device's names. */
final class SimulatedIdentity {

    private SimulatedIdentity() {
    }

    /** A stable, locally administered MAC for a simulated device. */
    static String mac(String host, String device) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((host + "/" + device).getBytes(StandardCharsets.UTF_8));
            digest[0] = (byte) ((digest[0] & 0xfc) | 0x02);
            return HexFormat.ofDelimiter(":").formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable address in the benchmarking range 198.18.0.0/15 (RFC 2544), from the NIC's MAC. */
    static String managementAddress(String mac) {
        String[] octets = mac.split(":");
        return "198." + (18 + (Integer.parseInt(octets[3], 16) & 1)) + "." + Integer.parseInt(octets[4], 16) + "."
                + Math.max(1, Math.min(254, Integer.parseInt(octets[5], 16))) + "/15";
    }
}
