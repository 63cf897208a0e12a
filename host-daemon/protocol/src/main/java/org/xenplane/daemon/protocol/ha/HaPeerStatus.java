package org.xenplane.daemon.protocol.ha;

import java.util.UUID;

/**
 * A host's answer to a peer asking whether it reaches the control plane (xhad's network heartbeat,
 * with the control plane in the role of the state file).
 *
 * @param hostId                the answering host
 * @param controlPlaneReachable its lease is valid (its last acknowledged heartbeat was sent less than
 *                              the HA timeout ago) and it has not fenced itself: a host that fenced
 *                              before its lease's end decided it is the cut-off one. An asking host counts the peer as reaching the
 *                              control plane only when, besides, {@code lastAckAgeMillis} is at most
 *                              half the timeout: a peer whose lease is merely not over yet may be
 *                              cut off from the control plane too (an outage for everyone), and
 *                              counting it would fence the first host to ask
 * @param lastAckAgeMillis      how long ago that acknowledged heartbeat was sent (-1: never)
 * @param fenced                the answering host has fenced itself and runs no domain
 */
public record HaPeerStatus(UUID hostId, boolean controlPlaneReachable, long lastAckAgeMillis, boolean fenced) {
}
