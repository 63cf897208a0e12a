package org.xenplane.monitoring.api;

import java.util.UUID;
import org.xenplane.monitoring.service.AlarmConfigs;

/**
 * A host's or VM's alarm thresholds as clients see them.
 *
 * @param cpuUsageAbove   the CPU_USAGE_HIGH threshold in force (ratio)
 * @param memoryFreeBelow the MEMORY_FREE_LOW threshold in force (bytes)
 * @param overrides       what the object sets itself; a null field follows the pool default
 */
public record AlarmConfigView(String objectClass, UUID objectId, double cpuUsageAbove, long memoryFreeBelow,
                              AlarmConfigUpdate overrides) {
    public static AlarmConfigView of(AlarmConfigs.Effective e) {
        return new AlarmConfigView(e.objectClass(), e.objectId(), e.thresholds().cpuUsageAbove(),
                e.thresholds().memoryFreeBelow(),
                new AlarmConfigUpdate(e.overrides().cpuUsageAbove(), e.overrides().memoryFreeBelow()));
    }
}
