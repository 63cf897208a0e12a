package org.xenplane.daemon.driver.stats;

import java.util.List;

/** The host's and every domain's counters (dom0 excepted), read together. */
public record StatisticsReading(HostCounters host, List<DomainCounters> domains) {
    public StatisticsReading {
        domains = List.copyOf(domains);
    }
}
