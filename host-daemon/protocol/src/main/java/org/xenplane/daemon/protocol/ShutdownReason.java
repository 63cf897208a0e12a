package org.xenplane.daemon.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a domain ended: libxl's {@code libxl_shutdown_reason} for what the guest did, plus
 * {@link #DESTROYED} for a domain the toolstack destroyed and {@link #MIGRATED} and
 * {@link #SUSPENDED} for one whose state moved elsewhere.
 */
public enum ShutdownReason {
    POWEROFF,
    REBOOT,
    SUSPEND,
    CRASH,
    WATCHDOG,
    SOFT_RESET,
    UNKNOWN,
    DESTROYED,
    SUSPENDED,
    MIGRATED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ShutdownReason fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** libxl's {@code libxl_shutdown_reason} number to this reason. */
    public static ShutdownReason fromLibxl(int code) {
        return switch (code) {
            case 0 -> POWEROFF;
            case 1 -> REBOOT;
            case 2 -> SUSPEND;
            case 3 -> CRASH;
            case 4 -> WATCHDOG;
            case 5 -> SOFT_RESET;
            default -> UNKNOWN;
        };
    }

    /** True when the guest decided it (rather than the toolstack). */
    public boolean byGuest() {
        return ordinal() <= UNKNOWN.ordinal();
    }
}
