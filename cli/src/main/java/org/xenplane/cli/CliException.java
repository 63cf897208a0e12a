package org.xenplane.cli;

/** A failure to report to the user: an error code (the server's, or the CLI's own), a sentence, and the exit code. */
public class CliException extends RuntimeException {
    private final String code;
    private final ExitCode exit;

    public CliException(ExitCode exit, String code, String message) {
        super(message);
        this.code = code;
        this.exit = exit;
    }

    public String code() {
        return code;
    }

    public ExitCode exit() {
        return exit;
    }

    /** The line printed on standard error: {@code error: CODE: sentence}. */
    public String describe() {
        return "error: " + code + ": " + getMessage();
    }
}
