package org.xenplane.pool.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.daemon.protocol.HostFacts;
import org.xenplane.daemon.protocol.ha.HeartbeatAck;
import org.xenplane.pool.model.Host;
import org.xenplane.pool.api.HostView;

/**
 * Host liveness from heartbeats. A heartbeat that changes nothing only moves the host's
 * last-heartbeat time (no event, no version bump); one that brings a host back or changes its
 * facts is an event. Every replica checks for silent hosts; {@code skip locked} makes each
 * transition happen once.
 */
@ApplicationScoped
public class HostLiveness {
    private static final Logger LOG = Logger.getLogger(HostLiveness.class);

    private final EntityManager em;
    private final EventPublisher events;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HeartbeatAcks acks;

    public HostLiveness(EntityManager em, EventPublisher events, ObjectMapper json,
                        PoolConfig config, HeartbeatAcks acks) {
        this.acks = acks;
        this.em = em;
        this.events = events;
        this.json = json;
        this.timeout = config.heartbeatTimeout();
    }

    /**
     * Records a heartbeat received now and answers its acknowledgement (the host's HA terms). The
     * acknowledgement is built after the heartbeat's transaction committed: the control plane only
     * grants a lease once the heartbeat it counts from is recorded.
     */
    public HeartbeatAck heartbeat(UUID hostId, HostFacts facts) {
        QuarkusTransaction.requiringNew().run(() -> {
            int quiet = em.createNativeQuery("""
                    update host set last_heartbeat = now()
                    where id = ?1 and live and cpu_count = ?2 and memory_total = ?3 and memory_free = ?4
                      and software_versions = cast(?5 as jsonb)
                    """)
                    .setParameter(1, hostId).setParameter(2, facts.cpuCount()).setParameter(3, facts.memoryTotal())
                    .setParameter(4, facts.memoryFree()).setParameter(5, versionsJson(facts))
                    .executeUpdate();
            if (quiet == 0) {
                recordChange(hostId, facts);
            }
        });
        return acks.ackFor(hostId);
    }

    private void recordChange(UUID hostId, HostFacts facts) {
        Host host = em.find(Host.class, hostId, LockModeType.PESSIMISTIC_WRITE);
        if (host == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Host.CLASS, hostId);
        }
        if (!host.live) {
            LOG.infof("Host %s (%s) is live again", host.name, host.id);
        }
        host.live = true;
        host.lastHeartbeat = Instant.now();
        host.cpuCount = facts.cpuCount();
        host.memoryTotal = facts.memoryTotal();
        host.memoryFree = facts.memoryFree();
        host.softwareVersions = new HashMap<>(facts.softwareVersions());
        events.publish(Host.CLASS, EventOperation.MOD, host.id, () -> HostView.of(host));
    }

    @Scheduled(every = "${xenplane.pool.liveness-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markSilentHosts() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Host> silent = Host.<Host>find("live = true and lastHeartbeat < ?1", Instant.now().minus(timeout))
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                    .list();
            for (Host host : silent) {
                host.live = false;
                LOG.warnf("Host %s (%s) is not live: no heartbeat since %s", host.name, host.id, host.lastHeartbeat);
                events.publish(Host.CLASS, EventOperation.MOD, host.id, () -> HostView.of(host));
            }
        });
    }

    private String versionsJson(HostFacts facts) {
        try {
            return json.writeValueAsString(facts.softwareVersions());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
