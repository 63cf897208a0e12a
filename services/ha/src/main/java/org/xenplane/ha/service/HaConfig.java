package org.xenplane.ha.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code xenplane.ha.*}: see META-INF/microprofile-config.properties for the defaults and docs/ha.md. */
@ConfigMapping(prefix = "xenplane.ha")
public interface HaConfig {
    /**
     * Added to T before a silent host is declared dead; must exceed the daemons' watchdog timeout
     * (3 s) plus fencing time plus clock-rate drift over T.
     */
    Duration safetyMargin();

    /** How often the active monitor runs a round. */
    Duration monitorPeriod();

    /** How long the monitor's lease row holds without renewal. */
    Duration monitorLease();

    /** How long a replica caches the HA terms heartbeats are answered with. */
    Duration termsCache();
}
