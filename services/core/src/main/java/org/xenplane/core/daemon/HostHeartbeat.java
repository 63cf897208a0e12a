package org.xenplane.core.daemon;

import java.time.Instant;
import java.util.UUID;

/**
 * When a host's last heartbeat was received, and how long ago by the database's clock (one clock
 * for every replica, so that replicas with drifting clocks agree on how long a host has been silent).
 */
public record HostHeartbeat(UUID id, String name, Instant lastHeartbeat, long ageMillis) {
}
