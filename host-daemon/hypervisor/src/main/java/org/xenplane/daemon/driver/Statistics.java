package org.xenplane.daemon.driver;

import org.xenplane.daemon.driver.stats.StatisticsReading;

/**
 * What a driver reads for monitoring: cumulative counters (CPU time, bytes, requests) and gauges
 * (memory) of the host and of every domain, at one instant. {@code MetricsSampler} turns two
 * readings into XenServer's data sources.
 */
public interface Statistics {

    StatisticsReading readStatistics();
}
