package org.xenplane.daemon.api;

/**
 * The error codes the daemon's API answers with; the same names and statuses as the control
 * plane's catalog, so one client understands both.
 */
public enum DaemonError {
    INVALID_FIELD(400, "Invalid field in the request"),
    INVALID_PARAMETER(400, "Invalid query parameter or header"),
    SESSION_AUTHENTICATION_FAILED(401, "Authentication failed"),
    HANDLE_INVALID(404, "No such object"),
    NOT_FOUND(404, "No such endpoint"),
    /** The hypervisor refused or failed: parameters {@code error} (libxl's name), {@code function}, {@code detail}. */
    HYPERVISOR_ERROR(409, "Xen failed on the host"),
    /** An operation id already used for a different operation. */
    OPERATION_ID_REUSED(422, "Operation id already used"),
    HOST_OFFLINE(503, "Host unreachable"),
    // storage (parameter names as in the control plane's ErrorCode)
    SR_UNKNOWN_DRIVER(400, "Unknown storage type"),
    SR_DEVICE_CONFIG_INVALID(400, "Invalid storage configuration"),
    VDI_CONTENT_INVALID(400, "Unusable disk image"),
    VDI_TOO_SMALL(400, "Disk too small for the image"),
    SR_NOT_ATTACHED(409, "Storage not attached to the host"),
    VDI_MISSING(404, "Disk data missing"),
    OTHER_OPERATION_IN_PROGRESS(409, "Another operation in progress"),
    REQUEST_TOO_LARGE(413, "Request body too large"),
    SR_BACKEND_FAILURE(502, "Storage backend failed");

    private final int status;
    private final String title;

    DaemonError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** A human title, the same as the control plane's for the same code (e.g. "Authentication failed"). */
    public String title() {
        return title;
    }
}
