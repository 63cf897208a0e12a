package org.xenplane.daemon.protocol.ha;

import java.util.UUID;

/**
 * A host's answer to a peer asking whether it reaches the control plane (xhad's network heartbeat,
 * with the control plane in the role of the state file).
 *
 * @param hostId                the answering host
 * @param controlPlaneReachable its last heartbeat was acknowledged less than the HA timeout ago
 * @param lastAckAgeMillis      how long ago that acknowledged heartbeat was sent (-1: never)
 * @param fenced                the answering host has fenced itself and runs no domain
 */
public record HaPeerStatus(UUID hostId, boolean controlPlaneReachable, long lastAckAgeMillis, boolean fenced) {
}
