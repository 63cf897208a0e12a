package org.xenplane.network.service;

import java.util.Locale;
import java.util.regex.Pattern;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * MAC addresses of VIFs given by users are checked here (six octets, unicast); generated ones
 * come from {@link RandomMacs}. Uniqueness in the pool is the
 * database's to decide.
 */
public final class Macs {
    private static final Pattern FORM = Pattern.compile("[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}");

    private Macs() {
    }

    /** The MAC in lower case with colons. */
    public static String normalise(String mac) {
        if (mac == null || !FORM.matcher(mac).matches()) {
            throw new XenplaneException(ErrorCode.MAC_INVALID, abbreviate(mac), "six octets in hex, e.g. 02:16:3e:12:34:56");
        }
        String normal = mac.toLowerCase(Locale.ROOT).replace('-', ':');
        int first = Integer.parseInt(normal.substring(0, 2), 16);
        if ((first & 0x01) != 0) {
            throw new XenplaneException(ErrorCode.MAC_INVALID, normal, "a multicast address; a NIC needs a unicast one");
        }
        if (normal.equals("00:00:00:00:00:00")) {
            throw new XenplaneException(ErrorCode.MAC_INVALID, normal, "all zeros");
        }
        return normal;
    }

    private static String abbreviate(String mac) {
        if (mac == null) {
            return "";
        }
        return mac.length() <= 32 ? mac : mac.substring(0, 32) + "...";
    }
}
