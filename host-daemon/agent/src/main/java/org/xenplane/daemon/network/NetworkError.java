package org.xenplane.daemon.network;

import java.util.List;

/**
 * The errors of the daemon's network API: the same names, statuses and parameter names as the
 * control plane's {@code ErrorCode}, so that the control plane passes them on unchanged.
 */
public enum NetworkError {
    INVALID_FIELD(400, "Invalid field in the request", "field", "reason"),
    MTU_INVALID(400, "Invalid MTU", "mtu", "min", "max"),
    VLAN_TAG_INVALID(400, "Invalid VLAN tag", "tag"),
    PIF_UNKNOWN_DEVICE(404, "No such network device", "host", "device"),
    PIF_IS_MANAGEMENT_INTERFACE(409, "Management interface", "host", "device"),
    DEVICE_BUSY(409, "Device is busy", "host", "device", "reason"),
    BRIDGE_IN_USE(409, "Bridge is in use", "host", "bridge", "reason"),
    BRIDGE_MISSING(409, "Bridge missing on the host", "host", "bridge"),
    NETWORK_BACKEND_FAILURE(502, "Network setup failed on the host", "host", "detail");

    private final int status;
    private final String title;
    private final List<String> parameterNames;

    NetworkError(int status, String title, String... parameterNames) {
        this.status = status;
        this.title = title;
        this.parameterNames = List.of(parameterNames);
    }

    public int status() {
        return status;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** A human title, the same as the control plane's for the same code. */
    public String title() {
        return title;
    }
}
