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

        /** SR_FREE_SPACE_LOW when an SR's free space is below this share of its size. */
        double srFreeBelow();

        Duration srCheckInterval();

        /** How often each replica reloads the per-object thresholds (other replicas' changes). */
        Duration configRefreshInterval();
    }
}
