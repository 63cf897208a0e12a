package org.xenplane.daemon.link;

import org.xenplane.daemon.protocol.JoinResponse;

/**
 * One local host's membership: its state and, once joined, its identity (host id, pool id and the
 * two credentials of its link with the control plane).
 *
 * @param state    where the host stands
 * @param identity present exactly when {@code state} is {@link MembershipState#JOINED}
 */
public record Membership(MembershipState state, JoinResponse identity) {

    public static Membership joined(JoinResponse identity) {
        return new Membership(MembershipState.JOINED, identity);
    }

    public static Membership of(MembershipState state) {
        if (state == MembershipState.JOINED) {
            throw new IllegalArgumentException("a joined membership needs its identity");
        }
        return new Membership(state, null);
    }

    public boolean isJoined() {
        return state == MembershipState.JOINED;
    }
}
