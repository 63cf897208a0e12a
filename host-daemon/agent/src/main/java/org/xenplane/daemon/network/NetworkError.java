package org.xenplane.daemon.network;

import java.util.List;
import java.util.Locale;

/**
 * The errors of the daemon's network API: the same names, statuses and parameter names as the
 * control plane's {@code ErrorCode}, so that the control plane passes them on unchanged.
 */
public enum NetworkError {
    INVALID_FIELD(400, "field", "reason"),
    MTU_INVALID(400, "mtu", "min", "max"),
    VLAN_TAG_INVALID(400, "tag"),
    PIF_UNKNOWN_DEVICE(404, "host", "device"),
    PIF_IS_MANAGEMENT_INTERFACE(409, "host", "device"),
    DEVICE_BUSY(409, "host", "device", "reason"),
    BRIDGE_IN_USE(409, "host", "bridge", "reason"),
    BRIDGE_MISSING(409, "host", "bridge"),
    NETWORK_BACKEND_FAILURE(502, "host", "detail");

    private final int status;
    private final List<String> parameterNames;

    NetworkError(int status, String... parameterNames) {
        this.status = status;
        this.parameterNames = List.of(parameterNames);
    }

    public int status() {
        return status;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public String title() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
