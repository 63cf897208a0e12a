package org.xenplane.daemon.driver.stats;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.daemon.protocol.DomainState;

/**
 * A domain's counters at one instant. Memory in bytes.
 *
 * @param readAtNanos        clock of the reading
 * @param vmId               the domain's uuid (its VM)
 * @param name               the domain's name
 * @param domid              Xen's domain id: a new domid means the counters restarted
 * @param state              running or paused
 * @param vcpuTimeNanos      per vCPU, nanoseconds run since the domain was built
 * @param memoryActual       what the domain holds now
 * @param memoryTarget       its balloon target
 * @param memoryInternalFree free memory inside the guest as its agent reports it, or -1 when unknown
 * @param vifs               network interfaces by device index
 * @param vbds               disks by device name, e.g. {@code xvda}
 */
public record DomainCounters(long readAtNanos, UUID vmId, String name, int domid, DomainState state, long[] vcpuTimeNanos,
                             long memoryActual, long memoryTarget, long memoryInternalFree,
                             List<NetCounters> vifs, Map<String, DiskCounters> vbds) {
    public DomainCounters {
        vifs = List.copyOf(vifs);
        vbds = Map.copyOf(vbds);
    }
}
