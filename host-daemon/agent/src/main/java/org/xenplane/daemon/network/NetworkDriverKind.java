package org.xenplane.daemon.network;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The network drivers a daemon may be configured with ({@code xenplane.daemon.network.driver}). */
public enum NetworkDriverKind {
    SIMULATED, LINUXBRIDGE, OPENVSWITCH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NetworkDriverKind fromConfig(String configured) {
        String wanted = configured.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new ConfigurationException("xenplane.daemon.network.driver=" + configured
                        + " is not a known network driver; available: "
                        + Arrays.stream(values()).map(NetworkDriverKind::id).collect(Collectors.joining(", "))));
    }
}
