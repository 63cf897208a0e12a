package org.xenplane.daemon.driver.libxl;

/** The libxl driver cannot work on this machine; the message says what is missing, in one line. */
public final class LibxlUnavailableException extends RuntimeException {
    public LibxlUnavailableException(String message) {
        super(message);
    }
}
