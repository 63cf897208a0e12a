package org.xenplane.daemon.driver;

/**
 * A hypervisor operation failed: libxl's error code and the C function that returned it, e.g.
 * {@code ERROR_NOMEM from libxl_domain_create_new}. Thrown by every driver, simulator included.
 */
public class HypervisorException extends RuntimeException {
    private final XenError error;
    private final String function;

    public HypervisorException(XenError error, String function, String detail) {
        super(error.libxlName() + " from " + function + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.error = error;
        this.function = function;
    }

    public XenError error() {
        return error;
    }

    /** The libxl function, e.g. {@code libxl_domain_create_new}. */
    public String function() {
        return function;
    }

    /** The detail after the error and function, or "". */
    public String detail() {
        String prefix = error.libxlName() + " from " + function;
        String message = getMessage();
        return message.length() > prefix.length() + 2 ? message.substring(prefix.length() + 2) : "";
    }
}
