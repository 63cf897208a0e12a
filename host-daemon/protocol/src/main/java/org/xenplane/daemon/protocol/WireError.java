package org.xenplane.daemon.protocol;

import java.util.List;

/**
 * The one catalog of the error codes a host daemon answers with, on every API area (domains,
 * storage, network), in the {@code code} of its RFC 7807 problem with these parameter names.
 *
 * <p>Each code has the name of a control-plane {@code ErrorCode}; how the control plane reports
 * it is said by {@link #reach}, and a test of the control plane checks every code against its
 * catalog (same name, and for {@link Reach#CLIENT} codes the same status and parameters).
 */
public enum WireError {
    // the call itself is wrong: a fault of the control plane, never the client's
    INVALID_FIELD(Reach.LINK, 400, "Invalid field in the request", "field", "reason"),
    INVALID_PARAMETER(Reach.LINK, 400, "Invalid query parameter or header", "parameter", "reason"),
    SESSION_AUTHENTICATION_FAILED(Reach.LINK, 401, "Authentication failed"),
    HANDLE_INVALID(Reach.LINK, 404, "No such object", "class", "id"),
    NOT_FOUND(Reach.LINK, 404, "No such endpoint"),
    /** An operation id already used for a different operation. */
    OPERATION_ID_REUSED(Reach.LINK, 422, "Operation id already used"),
    // the host: the control plane names it by its id
    /** The daemon serves this host but the host has not joined a pool. */
    HOST_OFFLINE(Reach.HOST, 503, "Host unreachable"),
    /** The hypervisor refused or failed: libxl's error name (e.g. {@code ERROR_NOMEM}), the function and a detail. */
    HYPERVISOR_ERROR(Reach.HOST, 409, "Xen failed on the host", "error", "function", "detail"),
    // storage: passed on to the client as they are
    SR_UNKNOWN_DRIVER(Reach.CLIENT, 400, "Unknown storage type", "type"),
    SR_DEVICE_CONFIG_INVALID(Reach.CLIENT, 400, "Invalid storage configuration", "key", "reason"),
    VDI_CONTENT_INVALID(Reach.CLIENT, 400, "Unusable disk image", "reason"),
    VDI_TOO_SMALL(Reach.CLIENT, 400, "Disk too small for the image", "vdi", "virtual_size", "image_size"),
    VDI_MISSING(Reach.CLIENT, 404, "Disk data missing", "sr", "vdi"),
    SR_NOT_ATTACHED(Reach.CLIENT, 409, "Storage not attached to the host", "sr", "host"),
    REQUEST_TOO_LARGE(Reach.CLIENT, 413, "Request body too large", "limit_bytes"),
    SR_BACKEND_FAILURE(Reach.CLIENT, 502, "Storage backend failed", "sr", "detail"),
    // network: passed on to the client as they are
    MTU_INVALID(Reach.CLIENT, 400, "Invalid MTU", "mtu", "min", "max"),
    VLAN_TAG_INVALID(Reach.CLIENT, 400, "Invalid VLAN tag", "tag"),
    PIF_UNKNOWN_DEVICE(Reach.CLIENT, 404, "No such network device", "host", "device"),
    PIF_IS_MANAGEMENT_INTERFACE(Reach.CLIENT, 409, "Management interface", "host", "device"),
    DEVICE_BUSY(Reach.CLIENT, 409, "Device is busy", "host", "device", "reason"),
    BRIDGE_IN_USE(Reach.CLIENT, 409, "Bridge is in use", "host", "bridge", "reason"),
    BRIDGE_MISSING(Reach.CLIENT, 409, "Bridge missing on the host", "host", "bridge"),
    NETWORK_BACKEND_FAILURE(Reach.CLIENT, 502, "Network setup failed on the host", "host", "detail");

    /** Who the error is for, which decides how the control plane reports it. */
    public enum Reach {
        /** The control plane's own client: reported with the same code and parameters (a {@code host} names the host's id). */
        CLIENT,
        /** About the host: reported with the same code, the host's id first, then these parameters. */
        HOST,
        /** A fault of the link between control plane and daemon: reported as {@code HOST_DAEMON_ERROR}. */
        LINK
    }

    /** The parameter a daemon fills with its local name of the host; the control plane puts the host's id there. */
    public static final String HOST_PARAMETER = "host";

    private final Reach reach;
    private final int status;
    private final String title;
    private final List<String> parameterNames;

    WireError(Reach reach, int status, String title, String... parameterNames) {
        this.reach = reach;
        this.status = status;
        this.title = title;
        this.parameterNames = List.of(parameterNames);
    }

    public Reach reach() {
        return reach;
    }

    public int status() {
        return status;
    }

    /** A human title, the same as the control plane's for the same code. */
    public String title() {
        return title;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The code named {@code name}, if this protocol knows it (a newer daemon may answer more). */
    public static java.util.Optional<WireError> named(String name) {
        for (WireError e : values()) {
            if (e.name().equals(name)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
