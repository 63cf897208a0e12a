package org.xenplane.pool.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.pool.model.Host;
import org.xenplane.pool.service.HostOperation;

/**
 * A host as clients see it. Memory in bytes. {@code maintenance}: disabled and emptied by
 * {@code host.enter_maintenance}, until it is enabled again.
 */
public record HostView(UUID id, String name, String address, String daemonUrl, int cpuCount, long memoryTotal,
                       long memoryFree, Map<String, String> softwareVersions, boolean enabled, boolean maintenance,
                       boolean live,
                       Instant lastHeartbeat, Instant joinedAt, long version, List<String> allowedOperations) {

    public static HostView of(Host h) {
        return new HostView(h.id, h.name, h.address, h.daemonUrl, h.cpuCount, h.memoryTotal, h.memoryFree,
                Map.copyOf(h.softwareVersions), h.enabled, h.maintenance, h.live, h.lastHeartbeat, h.joinedAt, h.version,
                HostOperation.allowedOn(h));
    }
}
