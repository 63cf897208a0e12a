package org.xenplane.ha.service;

/**
 * How long the active monitor has heard a quorum without a break. A host cut off from the control
 * plane keeps running while the peers it reaches form a quorum none of which reaches the control
 * plane; when those peers reach the control plane again, the cut-off host learns it from them at
 * its next check and fences. So the monitor declares nobody dead until it has heard a quorum for
 * T + margin in a row: after the control plane regains its quorum exactly as after it starts (a
 * new monitor starts with no quorum heard).
 */
final class QuorumClock {
    private long heardSinceNanos = -1;

    /** Records this round's quorum (or its absence); answers how long it has been heard in a row, -1 without one. */
    long observe(boolean quorum, long nowNanos) {
        if (!quorum) {
            heardSinceNanos = -1;
            return -1;
        }
        if (heardSinceNanos < 0) {
            heardSinceNanos = nowNanos;
        }
        return (nowNanos - heardSinceNanos) / 1_000_000;
    }
}
