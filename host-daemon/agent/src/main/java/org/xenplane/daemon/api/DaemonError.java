package org.xenplane.daemon.api;

import java.util.Locale;

/**
 * The error codes the daemon's API answers with; the same names and statuses as the control
 * plane's catalog, so one client understands both.
 */
public enum DaemonError {
    SESSION_AUTHENTICATION_FAILED(401),
    HANDLE_INVALID(404),
    HOST_OFFLINE(503);

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
