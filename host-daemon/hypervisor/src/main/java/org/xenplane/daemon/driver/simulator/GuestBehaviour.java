package org.xenplane.daemon.driver.simulator;

import java.time.Duration;

/**
 * How a simulated guest answers the toolstack's requests to shut down or reboot.
 *
 * @param honoursRequests false for a guest that ignores them (hung, or no PV drivers)
 * @param reactionDelay   how long an obliging guest takes
 */
public record GuestBehaviour(boolean honoursRequests, Duration reactionDelay) {
    /** Shuts down or reboots promptly when asked. */
    public static final GuestBehaviour OBLIGING = new GuestBehaviour(true, Duration.ofMillis(20));
    /** Never reacts; only a hard shutdown stops it. */
    public static final GuestBehaviour IGNORES_REQUESTS = new GuestBehaviour(false, Duration.ZERO);

    public GuestBehaviour {
        if (reactionDelay == null || reactionDelay.isNegative()) {
            throw new IllegalArgumentException("a guest's reaction delay is zero or more");
        }
    }
}
