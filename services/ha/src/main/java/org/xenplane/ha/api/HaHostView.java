package org.xenplane.ha.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A host as HA sees it.
 *
 * @param state         {@code live} (heard from within T), {@code silent} (not heard from within T,
 *                      not declared dead yet) or {@code dead} (declared dead: its VMs were recorded
 *                      halted and its protected ones restarted elsewhere)
 * @param lastHeartbeat the last heartbeat the control plane received from it
 */
public record HaHostView(UUID id, String name, String state, Instant lastHeartbeat) {
    public static final String LIVE = "live";
    public static final String SILENT = "silent";
    public static final String DEAD = "dead";
}
