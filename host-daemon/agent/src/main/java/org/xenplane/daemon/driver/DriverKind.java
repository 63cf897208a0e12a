package org.xenplane.daemon.driver;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The hypervisor drivers a daemon may be configured with ({@code xenplane.daemon.driver}). */
public enum DriverKind {
    SIMULATOR(true),
    /** Real Xen through libxl (JNA); not in this build yet. */
    LIBXL(false);

    private final boolean available;

    DriverKind(boolean available) {
        this.available = available;
    }

    /** The name used in configuration and reported to the control plane, e.g. {@code simulator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The driver named in configuration, or a {@link ConfigurationException} whose message is the
     * one line Quarkus prints when it stops start-up.
     */
    public static DriverKind fromConfig(String configured) {
        String wanted = configured.trim().toLowerCase(Locale.ROOT);
        for (DriverKind kind : values()) {
            if (kind.id().equals(wanted)) {
                if (!kind.available) {
                    throw new ConfigurationException("xenplane.daemon.driver=" + kind.id() + ": the " + kind.id()
                            + " driver is not available in this build yet; available drivers: " + availableIds());
                }
                return kind;
            }
        }
        throw new ConfigurationException("xenplane.daemon.driver=" + configured + " is not a known driver;"
                + " available drivers: " + availableIds());
    }

    private static String availableIds() {
        return Arrays.stream(values()).filter(k -> k.available).map(DriverKind::id).collect(Collectors.joining(", "));
    }
}
