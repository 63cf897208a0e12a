package org.xenplane.daemon.protocol.ha;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The one quorum rule both sides of HA apply. The voters are the pool's hosts and the control
 * plane, a witness (as XenServer's state file breaks ties on shared storage). A side is a quorum
 * when it holds more than half the voters, or exactly half and the pool's lowest host id (the
 * control plane is never the lowest). Two disjoint sides are never both quorums, which is what
 * keeps the control plane (declaring hosts dead only while it and the hosts it hears are a quorum)
 * and cut-off hosts (running on only while the hosts they reach, without the control plane, are
 * one) from both acting.
 *
 * <p>What it gives: in a two-host pool the survivor and the control plane outvote either failed
 * host; a host cut off from the control plane and every peer fences, unless it is the pool's only
 * host (nobody could run its VMs); a control plane down for everyone stops nothing, since all the
 * hosts together are more than half.
 */
public final class HaQuorum {
    private HaQuorum() {
    }

    /**
     * Whether hosts that do not reach the control plane may keep their VMs running.
     *
     * @param pool    every host of the pool
     * @param reached the hosts that reach one another (a subset of {@code pool}; others are ignored)
     */
    public static boolean withoutControlPlane(Collection<UUID> pool, Collection<UUID> reached) {
        return isQuorum(pool, reached, false);
    }

    /**
     * Whether the control plane, hearing these hosts, may declare the others dead.
     *
     * @param pool  every host of the pool
     * @param heard the hosts the control plane hears (a subset of {@code pool}; others are ignored)
     */
    public static boolean withControlPlane(Collection<UUID> pool, Collection<UUID> heard) {
        return isQuorum(pool, heard, true);
    }

    private static boolean isQuorum(Collection<UUID> pool, Collection<UUID> hosts, boolean controlPlane) {
        Set<UUID> all = Set.copyOf(pool);
        if (all.isEmpty()) {
            return false;
        }
        long votes = hosts.stream().distinct().filter(all::contains).count() + (controlPlane ? 1 : 0);
        long voters = all.size() + 1L;
        if (2 * votes != voters) {
            return 2 * votes > voters;
        }
        UUID lowest = all.stream().min(UUID::compareTo).orElseThrow();
        return hosts.contains(lowest);
    }
}
