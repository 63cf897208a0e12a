package org.xenplane.daemon.driver.libxl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.xenplane.daemon.driver.stats.Dom0Sysfs;
import org.xenplane.daemon.driver.stats.DomainCounters;
import org.xenplane.daemon.protocol.DomainState;

/**
 * A domain's counters from libxl's {@code libxl_dominfo} (JSON form) and dom0's sysfs. What libxl
 * does not give here: per-vCPU time (the domain's {@code cpu_time} is split evenly over its online
 * vCPUs), the balloon target (the current size stands for it), the guest's internal free memory (no
 * guest agent: unknown) and disk statistics.
 */
final class LibxlStatistics {
    private static final UUID ZERO = new UUID(0, 0);

    private LibxlStatistics() {
    }

    /** The counters of the domain in {@code dominfo}, or null for dom0 and domains without a uuid. */
    static DomainCounters domain(long now, JsonNode info, Dom0Sysfs sysfs) {
        int domid = info.path("domid").asInt(0);
        UUID uuid = info.has("uuid") ? UUID.fromString(info.get("uuid").asText()) : ZERO;
        if (domid == 0 || uuid.equals(ZERO)) {
            return null;
        }
        DomainState state = info.path("paused").asBoolean(false) ? DomainState.PAUSED : DomainState.RUNNING;
        int online = Math.max(1, info.path("vcpu_online").asInt(1));
        long[] vcpus = new long[online];
        Arrays.fill(vcpus, info.path("cpu_time").asLong(0) / online);
        long memory = info.path("current_memkb").asLong(0) * 1024;
        return new DomainCounters(now, uuid, uuid.toString(), domid, state, vcpus, memory, memory, -1,
                sysfs.guestInterfaces(domid), Map.of());
    }
}
