package org.xenplane.daemon.ha;

import org.xenplane.daemon.protocol.ha.HaLease;

/**
 * A host's lease at one instant.
 *
 * @param terms            the terms of the last acknowledgement ({@link HaLease#disabled()} before any)
 * @param remainingMillis  time left until the lease ends (negative once ended; {@link Long#MIN_VALUE} before any acknowledgement)
 * @param lastAckAgeMillis how long ago the last acknowledged heartbeat was sent (-1: never)
 * @param fenced           the host has fenced itself and not been acknowledged since
 * @param keepRunning      the peers' last verdict (a quorum that does not reach the control plane) still holds
 */
public record LeaseView(HaLease terms, long remainingMillis, long lastAckAgeMillis, boolean fenced, boolean keepRunning) {

    public boolean enabled() {
        return terms.enabled();
    }

    public boolean valid() {
        return remainingMillis > 0;
    }

    /**
     * How long before its end a lease without renewal makes the host ask its peers: min(T/3, 5 s),
     * so that the answers (bounded by the peer timeout) and the fence fit before the end.
     */
    public long leadMillis() {
        return Math.min(terms.timeoutMillis() / 3, 5_000);
    }

    /**
     * Whether the host may pet its watchdog: HA is on and the lease is valid, or the peers' verdict
     * to keep running holds, or the host is fenced (it runs nothing). Otherwise the host must be
     * reset if the daemon does not decide in time.
     */
    public boolean safe() {
        return valid() || keepRunning || fenced;
    }

    /** The lease is about to end (or has) without renewal: time to ask the peers. */
    public boolean needsVerdict() {
        return enabled() && remainingMillis <= leadMillis();
    }
}
