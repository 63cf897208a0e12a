package org.xenplane.monitoring.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Set;
import org.xenplane.monitoring.model.Consolidation;

/** {@code xenplane.monitoring.*}: see META-INF/microprofile-config.properties for the defaults. */
@ConfigMapping(prefix = "xenplane.monitoring")
public interface MonitoringConfig {
    Set<Consolidation> extraConsolidation();

    Duration flushInterval();

    Duration janitorInterval();

    Alarms alarms();

    interface Alarms {
        double cpuUsageAbove();

        long memoryFreeBelow();

        Duration window();

        int priority();

        Duration hostCheckInterval();
    }
}
