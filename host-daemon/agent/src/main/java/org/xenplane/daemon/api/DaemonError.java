package org.xenplane.daemon.api;

import java.util.Locale;

/**
 * The error codes the daemon's API answers with; the same names and statuses as the control
 * plane's catalog, so one client understands both.
 */
public enum DaemonError {
    INVALID_FIELD(400),
    INVALID_PARAMETER(400),
    SESSION_AUTHENTICATION_FAILED(401),
    HANDLE_INVALID(404),
    NOT_FOUND(404),
    /** The hypervisor refused or failed: parameters {@code error} (libxl's name), {@code function}, {@code detail}. */
    HYPERVISOR_ERROR(409),
    /** An operation id already used for a different operation. */
    OPERATION_ID_REUSED(422),
    HOST_OFFLINE(503),
    // storage (parameter names as in the control plane's ErrorCode)
    SR_UNKNOWN_DRIVER(400),
    SR_DEVICE_CONFIG_INVALID(400),
    VDI_CONTENT_INVALID(400),
    VDI_TOO_SMALL(400),
    SR_NOT_ATTACHED(409),
    VDI_MISSING(404),
    OTHER_OPERATION_IN_PROGRESS(409),
    REQUEST_TOO_LARGE(413),
    SR_BACKEND_FAILURE(502);

    private final int status;

    DaemonError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** E.g. {@code SESSION_AUTHENTICATION_FAILED} gives "Session authentication failed". */
    public String title() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
