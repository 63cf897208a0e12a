package org.xenplane.monitoring.model;

/**
 * The thresholds in force for one host or VM.
 *
 * @param cpuUsageAbove   CPU_USAGE_HIGH when the CPU usage averages above this ratio
 * @param memoryFreeBelow MEMORY_FREE_LOW when the free memory averages below this many bytes
 */
public record AlarmThresholds(double cpuUsageAbove, long memoryFreeBelow) {
    /** Each override that is set replaces the matching value of this (the pool default). */
    public AlarmThresholds with(Double cpuUsageAbove, Long memoryFreeBelow) {
        return new AlarmThresholds(cpuUsageAbove != null ? cpuUsageAbove : this.cpuUsageAbove,
                memoryFreeBelow != null ? memoryFreeBelow : this.memoryFreeBelow);
    }
}
