package org.xenplane.ha.model;

import java.time.Instant;
import java.util.UUID;

/** A protected VM of a dead host still to be restarted ({@code ha_restart}). */
public record PendingRestart(UUID vmId, UUID failedHost, String priority, Instant queuedAt, int attempts,
                             String lastError, boolean reported) {
}
