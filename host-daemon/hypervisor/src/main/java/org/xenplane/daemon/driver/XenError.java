package org.xenplane.daemon.driver;

/**
 * libxl's error codes ({@code libxl_error} in {@code _libxl_types.h}, Xen 4.17), by the same
 * names and numbers. Both drivers fail with these, so the daemon and the control plane handle a
 * simulated failure exactly as a real one.
 */
public enum XenError {
    NONSPECIFIC(-1),
    VERSION(-2),
    FAIL(-3),
    NI(-4),
    NOMEM(-5),
    INVAL(-6),
    BADFAIL(-7),
    GUEST_TIMEDOUT(-8),
    TIMEDOUT(-9),
    NOPARAVIRT(-10),
    NOT_READY(-11),
    OSEVENT_REG_FAIL(-12),
    BUFFERFULL(-13),
    UNKNOWN_CHILD(-14),
    LOCK_FAIL(-15),
    JSON_CONFIG_EMPTY(-16),
    DEVICE_EXISTS(-17),
    CHECKPOINT_DEVOPS_DOES_NOT_MATCH(-18),
    CHECKPOINT_DEVICE_NOT_SUPPORTED(-19),
    VNUMA_CONFIG_INVALID(-20),
    DOMAIN_NOTFOUND(-21),
    ABORTED(-22),
    NOTFOUND(-23),
    DOMAIN_DESTROYED(-24),
    FEATURE_REMOVED(-25),
    PROTOCOL_ERROR_QMP(-26),
    UNKNOWN_QMP_ERROR(-27),
    QMP_GENERIC_ERROR(-28),
    QMP_COMMAND_NOT_FOUND(-29),
    QMP_DEVICE_NOT_ACTIVE(-30),
    QMP_DEVICE_NOT_FOUND(-31),
    QEMU_API(-32);

    private final int code;

    XenError(int code) {
        this.code = code;
    }

    /** libxl's number, e.g. -5 for {@code ERROR_NOMEM}. */
    public int code() {
        return code;
    }

    /** libxl's C name, e.g. {@code ERROR_NOMEM}. */
    public String libxlName() {
        return "ERROR_" + name();
    }

    /** The error for a libxl return code; codes this release does not know are {@link #NONSPECIFIC}. */
    public static XenError fromCode(int code) {
        for (XenError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return NONSPECIFIC;
    }

    /** The error named {@code ERROR_NOMEM} or {@code NOMEM}. */
    public static XenError fromName(String name) {
        return valueOf(name.startsWith("ERROR_") ? name.substring("ERROR_".length()) : name);
    }
}
