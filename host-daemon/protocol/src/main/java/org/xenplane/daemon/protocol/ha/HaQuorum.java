package org.xenplane.daemon.protocol.ha;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The one quorum rule both sides of HA apply: a set of hosts is a quorum of the pool when it holds
 * more than half the pool's hosts, or exactly half including the pool's lowest host id (ties in a
 * split go to the larger side, then to the lowest host id). Two quorums of one pool always share a
 * host, which is what keeps the control plane (declaring hosts dead while it hears a quorum) and
 * a cut-off daemon (running on while it reaches a quorum that does not reach the control plane)
 * from both acting.
 */
public final class HaQuorum {
    private HaQuorum() {
    }

    /**
     * @param pool    every host of the pool
     * @param reached the hosts reached (a subset of {@code pool}; others are ignored)
     */
    public static boolean isQuorum(Collection<UUID> pool, Collection<UUID> reached) {
        Set<UUID> all = Set.copyOf(pool);
        long inPool = reached.stream().distinct().filter(all::contains).count();
        if (all.isEmpty()) {
            return false;
        }
        if (2 * inPool != all.size()) {
            return 2 * inPool > all.size();
        }
        UUID lowest = all.stream().min(UUID::compareTo).orElseThrow();
        return reached.contains(lowest);
    }
}
