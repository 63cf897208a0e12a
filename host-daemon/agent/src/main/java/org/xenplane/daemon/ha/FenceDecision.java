package org.xenplane.daemon.ha;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.daemon.protocol.ha.HaPeerStatus;
import org.xenplane.daemon.protocol.ha.HaQuorum;

/**
 * What a host whose lease is ending without renewal does, from its peers' answers (a pure rule):
 * if a peer it reached reaches the control plane <em>now</em> (it says so, and its last acknowledged
 * heartbeat is fresh: sent at most {@code freshMillis} ago), this host is the isolated one and
 * fences; else if
 * the hosts it reached (itself included) are no quorum without the control plane ({@link HaQuorum}), it fences; else it
 * keeps running, since no host that could be heard by the control plane is outside its quorum and
 * nobody can restart its VMs.
 *
 * <p>Why freshness: a peer's {@code controlPlaneReachable} holds while its own lease is valid, up to
 * T after it last heard the control plane. When the control plane goes down for everyone, every
 * lease ends at about the same time, and the first host to ask would see its peers still "reaching"
 * it and fence for nothing. A peer that really reaches the control plane is acknowledged every beat.
 */
public final class FenceDecision {

    /** The verdict, with why. */
    public enum Verdict {
        /** A reached peer reaches the control plane: the control plane will restart this host's VMs. */
        FENCE_ISOLATED,
        /** The reached hosts are no quorum: the control plane, with the other side of the pool, may be one. */
        FENCE_NO_QUORUM,
        /** A quorum is reached and none of it reaches the control plane: nobody can restart anything. */
        KEEP_RUNNING;

        public boolean fences() {
            return this != KEEP_RUNNING;
        }
    }

    private FenceDecision() {
    }

    /**
     * @param self     this host
     * @param peers    every other host of the pool
     * @param answered    the statuses of the peers that answered, by host id (peers that did not answer are absent)
     * @param freshMillis the oldest acknowledged heartbeat that still shows a peer reaching the control plane
     */
    public static Verdict decide(UUID self, Collection<UUID> peers, Map<UUID, HaPeerStatus> answered, long freshMillis) {
        List<UUID> pool = new ArrayList<>(peers);
        pool.add(self);
        List<UUID> reached = new ArrayList<>(List.of(self));
        for (UUID peer : peers) {
            HaPeerStatus status = answered.get(peer);
            if (status == null) {
                continue;
            }
            if (status.controlPlaneReachable() && status.lastAckAgeMillis() >= 0 && status.lastAckAgeMillis() <= freshMillis) {
                return Verdict.FENCE_ISOLATED;
            }
            reached.add(peer);
        }
        return HaQuorum.withoutControlPlane(pool, reached) ? Verdict.KEEP_RUNNING : Verdict.FENCE_NO_QUORUM;
    }
}
