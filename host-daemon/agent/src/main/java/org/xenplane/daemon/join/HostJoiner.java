package org.xenplane.daemon.join;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.link.ControlPlaneClient;
import org.xenplane.daemon.link.IdentityStore;
import org.xenplane.daemon.link.JoinResult;
import org.xenplane.daemon.link.Membership;
import org.xenplane.daemon.link.MembershipState;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.JoinResponse;

/**
 * Brings each local host into the pool: a host with a saved identity reuses it (a restart keeps
 * the pool membership); otherwise it joins with its own token, in the background, retrying with
 * back-off while the control plane is unavailable. A refused join is logged once and not retried.
 */
public final class HostJoiner {
    private static final Logger LOG = Logger.getLogger(HostJoiner.class);

    private final ControlPlaneClient controlPlane;
    private final IdentityStore identities;
    private final Memberships memberships;
    private final ScheduledExecutorService executor;
    private final Backoff backoff;
    private final String advertiseUrl;

    public HostJoiner(ControlPlaneClient controlPlane, IdentityStore identities, Memberships memberships,
                      ScheduledExecutorService executor, Backoff backoff, String advertiseUrl) {
        this.controlPlane = controlPlane;
        this.identities = identities;
        this.memberships = memberships;
        this.executor = executor;
        this.backoff = backoff;
        this.advertiseUrl = advertiseUrl.endsWith("/") ? advertiseUrl.substring(0, advertiseUrl.length() - 1) : advertiseUrl;
    }

    /** Restores the host's identity or starts joining it; returns at once. */
    public void start(LocalHost host, List<String> joinTokens) {
        Optional<JoinResponse> saved;
        try {
            saved = identities.load(host.key());
        } catch (UncheckedIOException e) {
            memberships.set(host.key(), Membership.of(MembershipState.FAILED));
            LOG.errorf("%s: %s; skipping this host. Move the file away to join it again with a new token.",
                    host.key(), e.getMessage());
            return;
        }
        if (saved.isPresent()) {
            memberships.set(host.key(), Membership.joined(saved.get()));
            LOG.infof("%s: reusing its saved identity, host %s in pool %s",
                    host.key(), saved.get().hostId(), saved.get().poolId());
            return;
        }
        Optional<String> token = host.joinToken(joinTokens);
        if (token.isEmpty()) {
            memberships.set(host.key(), Membership.of(MembershipState.NO_JOIN_TOKEN));
            LOG.errorf("%s has not joined a pool and has no join token (it takes token number %d of"
                    + " xenplane.daemon.join-tokens, which has %d); skipping this host",
                    host.key(), host.number(), joinTokens.size());
            return;
        }
        memberships.set(host.key(), Membership.of(MembershipState.JOINING));
        submit(host, token.get(), 1, null, 0);
    }

    /** Stops joining: attempts not yet made are dropped (the daemon is shutting down). */
    public void stop() {
        executor.shutdownNow();
    }

    private void attempt(LocalHost host, String token, int attempt, String lastReason) {
        JoinResult result = controlPlane.join(request(host, token));
        if (result instanceof JoinResult.Joined joined) {
            keep(host, joined.identity());
        } else if (result instanceof JoinResult.Refused refused) {
            memberships.set(host.key(), Membership.of(MembershipState.JOIN_REFUSED));
            LOG.errorf("%s: the control plane at %s refused the join (%s); not retrying. Issue a new join token"
                    + " and restart the daemon with it.", host.key(), controlPlane.baseUrl(), refused.reason());
        } else {
            String reason = ((JoinResult.Unavailable) result).reason();
            long delayMillis = backoff.delay(attempt).toMillis();
            if (!Objects.equals(reason, lastReason)) {
                LOG.warnf("%s: cannot join yet, the control plane at %s is unavailable (%s); retrying in the background",
                        host.key(), controlPlane.baseUrl(), reason);
            } else {
                LOG.debugf("%s: join attempt %d failed (%s); next in %d ms", host.key(), attempt, reason, delayMillis);
            }
            submit(host, token, attempt + 1, reason, delayMillis);
        }
    }

    /** Saves the identity first, so that a host shown as joined always survives a restart as joined. */
    private void keep(LocalHost host, JoinResponse identity) {
        try {
            identities.save(host.key(), identity);
        } catch (UncheckedIOException e) {
            LOG.errorf("%s: %s; the host works now but will not be a pool member after a restart",
                    host.key(), e.getMessage());
        }
        memberships.set(host.key(), Membership.joined(identity));
        LOG.infof("%s joined the pool %s as host %s", host.key(), identity.poolId(), identity.hostId());
    }

    private JoinRequest request(LocalHost host, String token) {
        String daemonUrl = advertiseUrl + DaemonProtocol.DAEMON_ROOT + "/" + host.key();
        return new JoinRequest(token, host.key(), host.address(), daemonUrl, host.driver().facts());
    }

    /** A bug must not vanish silently inside the executor. */
    private void safely(LocalHost host, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            memberships.set(host.key(), Membership.of(MembershipState.FAILED));
            LOG.errorf(e, "%s: joining failed unexpectedly; skipping this host", host.key());
        }
    }

    private void submit(LocalHost host, String token, int attempt, String lastReason, long delayMillis) {
        try {
            executor.schedule(() -> safely(host, () -> attempt(host, token, attempt, lastReason)),
                    delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debugf("%s: not joining, the daemon is stopping", host.key());
        }
    }
}
