package org.xenplane.daemon.ha;

import org.xenplane.daemon.protocol.ha.HaLease;

/**
 * A host's HA lease as kept in {@code <state-dir>/ha/<local key>.json}, so that a restarted daemon
 * knows HA is on and when its old lease ends. The terms hold the peer token: the file lives in the
 * 0700 state directory, as the host's credentials do.
 *
 * @param terms               the terms of the last acknowledgement
 * @param leaseEndEpochMillis wall-clock end of the lease (the acknowledged heartbeat's sending + T)
 */
public record SavedLease(HaLease terms, long leaseEndEpochMillis) {
}
