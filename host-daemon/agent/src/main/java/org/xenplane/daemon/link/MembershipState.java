package org.xenplane.daemon.link;

/** Where one local host stands with the pool. */
public enum MembershipState {
    /** Trying to join (the control plane may not be reachable yet). */
    JOINING,
    /** Has an identity: sends heartbeats and answers the control plane. */
    JOINED,
    /** Never joined and has no join token: skipped until the daemon is restarted with one. */
    NO_JOIN_TOKEN,
    /** The control plane refused the join (e.g. the token is spent or expired): not retried. */
    JOIN_REFUSED,
    /** Something local went wrong (e.g. an unreadable identity file): see the log. */
    FAILED
}
