package org.xenplane.daemon.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One domain as a host reports it. Memory in bytes.
 *
 * @param vmId         the domain's uuid, which is its VM's id
 * @param domid        Xen's domain id on this host (changes at every boot)
 * @param state        running, paused or shut down
 * @param memoryActual memory the domain has now
 * @param memoryMax    the most it may have
 * @param vcpusOnline  vCPUs online now
 * @param devices      plugged devices, e.g. {@code vbd:xvda}, {@code vif:0}
 * @param startedAt    when this domain was built, if the daemon knows
 */
public record DomainInfo(UUID vmId, int domid, DomainState state, long memoryActual, long memoryMax,
                         int vcpusOnline, List<String> devices, Instant startedAt) {

    public DomainInfo {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public DomainInfo withStartedAt(Instant when) {
        return new DomainInfo(vmId, domid, state, memoryActual, memoryMax, vcpusOnline, devices, when);
    }
}
