package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Tokens;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.pool.model.Host;
import org.xenplane.pool.model.JoinToken;
import org.xenplane.pool.model.Pool;
import org.xenplane.pool.api.HostView;
import org.xenplane.pool.api.JoinTokenView;

/**
 * How a host enters the pool: an administrator issues a single-use, expiring join token; the
 * host's daemon presents it once and receives the host's id and the two credentials of its link.
 */
@ApplicationScoped
public class HostJoining {
    private static final Logger LOG = Logger.getLogger(HostJoining.class);

    private final EntityManager em;
    private final EventPublisher events;
    private final DaemonCredentials daemonCredentials;
    private final Duration defaultTtl;

    public HostJoining(EntityManager em, EventPublisher events, DaemonCredentials daemonCredentials,
                       PoolConfig config) {
        this.em = em;
        this.events = events;
        this.daemonCredentials = daemonCredentials;
        this.defaultTtl = config.joinTokenTtl();
    }

    @Transactional
    public JoinTokenView issueToken(String createdBy, Integer ttlSeconds) {
        String secret = Tokens.newSecret(Tokens.JOIN_PREFIX);
        JoinToken token = new JoinToken();
        token.id = UUID.randomUUID();
        token.tokenHash = Tokens.hash(secret);
        token.createdBy = createdBy;
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(ttlSeconds == null ? defaultTtl : Duration.ofSeconds(ttlSeconds));
        token.persist();
        return view(token, secret);
    }

    @Transactional
    public List<JoinTokenView> tokens() {
        return JoinToken.<JoinToken>find("order by createdAt desc").list().stream().map(t -> view(t, null)).toList();
    }

    /**
     * Spends the join token and registers the host, in one transaction: a token is used at most
     * once even when two daemons present it at the same moment.
     */
    @Transactional
    public JoinResponse join(JoinRequest request) {
        Instant now = Instant.now();
        JoinToken token = JoinToken.<JoinToken>find("tokenHash", Tokens.hash(request.joinToken()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (token == null || !token.usableAt(now)) {
            LOG.infof("Refused a join from %s: the join token is unknown, used or expired", request.hostname());
            throw new XenplaneException(ErrorCode.JOIN_TOKEN_INVALID);
        }
        Host host = newHost(request, now);
        host.persist();
        token.usedAt = now;
        token.hostId = host.id;
        String hostSecret = Tokens.newSecret(Tokens.HOST_PREFIX);
        Credential.create(CallerKind.HOST, host.id.toString(), "host " + host.name, null, hostSecret).persist();
        events.publish(Host.CLASS, EventOperation.ADD, host.id, () -> HostView.of(host));
        LOG.infof("Host %s (%s) joined the pool", host.name, host.id);
        return new JoinResponse(host.id, host.poolId, hostSecret, daemonCredentials.forHost(host.id));
    }

    private Host newHost(JoinRequest request, Instant now) {
        Host host = new Host();
        host.id = UUID.randomUUID();
        host.poolId = Pool.the().id;
        host.name = request.hostname();
        host.address = request.address();
        host.daemonUrl = request.daemonUrl();
        host.cpuCount = request.facts().cpuCount();
        host.memoryTotal = request.facts().memoryTotal();
        host.memoryFree = request.facts().memoryFree();
        host.softwareVersions = new HashMap<>(request.facts().softwareVersions());
        host.enabled = true;
        host.live = true;
        host.lastHeartbeat = now;
        host.joinedAt = now;
        return host;
    }

    private static JoinTokenView view(JoinToken t, String secret) {
        return new JoinTokenView(t.id, secret, t.createdBy, t.createdAt, t.expiresAt, t.usedAt, t.hostId);
    }
}
