package org.xenplane.network.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The network service's settings ({@code xenplane.network.*}); defaults in its microprofile-config.properties. */
@ConfigMapping(prefix = "xenplane.network")
public interface NetworkConfig {

    /** How often every live host's interfaces are read to keep PIFs current ({@link PifDiscovery}'s schedule). */
    Duration pifScanInterval();

    /** The MTU of a new network created without one. */
    int defaultMtu();

    /** The emulated NIC model of a VIF created without one. */
    String defaultVifModel();
}
