package org.xenplane.monitoring.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xenplane.monitoring.service.AlarmConfigs;

/**
 * An object's own thresholds: each one given replaces the pool default, each one left out (or null)
 * follows it.
 *
 * @param cpuUsageAbove   CPU_USAGE_HIGH above this ratio, 0 < x <= 1
 * @param memoryFreeBelow MEMORY_FREE_LOW below this many bytes, 0 to 2^50
 */
public record AlarmConfigUpdate(
        @Schema(description = "CPU_USAGE_HIGH above this ratio (0 < x <= 1); null: the pool default", nullable = true)
        Double cpuUsageAbove,
        @Schema(description = "MEMORY_FREE_LOW below this many bytes (0 to 2^50); null: the pool default", nullable = true)
        Long memoryFreeBelow) {
    public AlarmConfigs.Overrides overrides() {
        return new AlarmConfigs.Overrides(cpuUsageAbove, memoryFreeBelow);
    }
}
