package org.xenplane.daemon.driver.stats;

import java.util.Map;

/**
 * A host's counters at one instant.
 *
 * @param readAtNanos  {@link System#nanoTime()}-like clock of the reading (rates divide by its differences)
 * @param cpuBusyNanos per physical CPU, nanoseconds spent busy since boot; empty when the driver cannot tell
 * @param memoryTotal  bytes
 * @param memoryFree   bytes
 * @param loadAverage  one-minute load average of the host (dom0), or NaN
 * @param pifs         physical interfaces by device name, e.g. {@code eth0}
 */
public record HostCounters(long readAtNanos, long[] cpuBusyNanos, long memoryTotal, long memoryFree, double loadAverage,
                           Map<String, NetCounters> pifs) {
    public HostCounters {
        pifs = Map.copyOf(pifs);
    }
}
