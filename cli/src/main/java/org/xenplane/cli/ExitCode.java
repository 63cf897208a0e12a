package org.xenplane.cli;

/** The CLI's exit codes: what failed, so a script can tell a missing object from a refused one. */
public enum ExitCode {
    OK(0), USAGE(2), NOT_FOUND(3), CONFLICT(4), PERMISSION(5), SERVER(6),
    /** Ctrl-C: the shell's convention, 128 + SIGINT. */
    INTERRUPTED(130);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The exit code for an HTTP status the server answered with. */
    public static ExitCode ofStatus(int status) {
        if (status == 400 || status == 410 || status == 411 || status == 413 || status == 415 || status == 422) {
            return USAGE;
        }
        if (status == 401 || status == 403 || status == 429) {
            return PERMISSION;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status == 409) {
            return CONFLICT;
        }
        return SERVER;
    }
}
