package org.xenplane.daemon.driver;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The hypervisor drivers a daemon may be configured with ({@code xenplane.daemon.driver}). */
public enum DriverKind {
    /** Simulated hosts, as many as configured, in this process. */
    SIMULATOR,
    /** Real Xen through libxl (JNA): this machine's hypervisor; needs a Xen dom0, checked when the driver opens. */
    LIBXL;

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
                return kind;
            }
        }
        throw new ConfigurationException("xenplane.daemon.driver=" + configured + " is not a known driver;"
                + " available drivers: " + Arrays.stream(values()).map(DriverKind::id).collect(Collectors.joining(", ")));
    }
}
