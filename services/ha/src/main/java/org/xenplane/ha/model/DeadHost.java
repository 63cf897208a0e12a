package org.xenplane.ha.model;

import java.time.Instant;
import java.util.UUID;

/** A host the monitor declared dead ({@code ha_dead_host}), with the heartbeat that was its last then. */
public record DeadHost(UUID hostId, Instant declaredAt, Instant lastHeartbeat, boolean vmsReset) {
}
