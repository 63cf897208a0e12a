package org.xenplane.daemon.protocol.ha;

import java.util.List;

/**
 * The HA terms a heartbeat's acknowledgement grants a host (see {@code docs/ha.md}).
 *
 * <p>With {@code enabled}, the host holds a lease that ends {@code timeoutMillis} after the
 * moment its daemon <em>sent</em> the acknowledged heartbeat (measured on the daemon's monotonic
 * clock, never from the acknowledgement's arrival). The control plane declares the host dead only
 * after the last heartbeat it <em>received</em> + {@code timeoutMillis} + its safety margin, and
 * only while the hosts it hears from form a quorum ({@link HaQuorum}). A daemon whose lease runs
 * out asks its {@code peers} ({@link HaPeerStatus}); it fences itself (destroys its domains, stops
 * touching storage) unless the peers it reaches form a quorum and none of them reaches the
 * control plane.
 *
 * @param enabled       whether HA protects this pool; when false the other fields are empty and
 *                      the daemon neither fences nor arms a watchdog
 * @param timeoutMillis the HA timeout T
 * @param peers         every other host of the pool, with its daemon URL
 * @param peerToken     the secret pool daemons present to each other's {@link #PEER_STATUS}
 *                      (bearer); changes when HA is enabled again
 */
public record HaLease(boolean enabled, long timeoutMillis, List<HaPeer> peers, String peerToken) {
    /**
     * {@code GET}, daemon to daemon, relative to a peer host's daemon URL (its
     * {@code DAEMON_ROOT/<host>} base): the peer's {@link HaPeerStatus}. Bearer: {@link #peerToken}.
     */
    public static final String PEER_STATUS = "/ha/status";

    public HaLease {
        peers = List.copyOf(peers == null ? List.of() : peers);
    }

    public static HaLease disabled() {
        return new HaLease(false, 0, List.of(), null);
    }

    @Override
    public String toString() { // never print the token
        return "HaLease[enabled=" + enabled + ", timeoutMillis=" + timeoutMillis + ", peers=" + peers.size() + "]";
    }
}
