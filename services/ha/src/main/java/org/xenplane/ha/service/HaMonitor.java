package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostHeartbeat;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.ha.model.DeadHost;
import org.xenplane.ha.model.HaSettings;

/**
 * The HA monitor: every {@code xenplane.ha.monitor-period}, on exactly one replica (the holder of
 * the {@code ha_monitor} lease row), with HA enabled only. A host whose last received heartbeat is
 * older than T + {@code xenplane.ha.safety-margin} is declared dead, only while the hosts heard
 * from form a quorum of the pool (an isolated control plane declares nobody dead) and only once the
 * monitor has held its lease for T + margin itself (a newly active monitor cannot know what its
 * predecessor saw) and has heard a quorum for T + margin in a row ({@link QuorumClock}: a host kept
 * running by peers that did not reach the control plane needs that long to learn they do again). Then its VMs are recorded halted and the protected ones restarted
 * ({@link Failover}, {@link Restarts}).
 */
@ApplicationScoped
public class HaMonitor {
    private static final Logger LOG = Logger.getLogger(HaMonitor.class);

    private final UUID replica = UUID.randomUUID();
    private final HaStore store;
    private final Hosts hosts;
    private final Failover failover;
    private final Restarts restarts;
    private final HaConfig config;
    private final QuorumClock quorumClock = new QuorumClock();

    public HaMonitor(HaStore store, Hosts hosts, Failover failover, Restarts restarts, HaConfig config) {
        this.store = store;
        this.hosts = hosts;
        this.failover = failover;
        this.restarts = restarts;
        this.config = config;
    }

    @Scheduled(every = "${xenplane.ha.monitor-period}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRound() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warnf("HA monitor round failed (%s); next round in %s", e.toString(), config.monitorPeriod());
        }
    }

    /** One round; answers whether this replica is the active monitor (false with HA disabled). */
    boolean round() {
        HaSettings settings = QuarkusTransaction.requiringNew().call(() -> store.settings(false));
        if (!settings.enabled()) {
            quorumClock.observe(false, System.nanoTime());
            return false;
        }
        long activeFor = QuarkusTransaction.requiringNew().call(() ->
                store.holdMonitorLease(replica, config.monitorLease().toMillis()));
        if (activeFor < 0) {
            quorumClock.observe(false, System.nanoTime());
            return false;
        }
        long margin = config.safetyMargin().toMillis();
        List<DeadHost> dead = QuarkusTransaction.requiringNew().call(store::deadHosts);
        Liveness liveness = Liveness.of(settings.timeoutMillis(), margin,
                settings.enabledAt().plus(config.termsCache()), hosts.heartbeats(), dead);
        long quorumFor = quorumClock.observe(liveness.quorum(), System.nanoTime());
        long wait = settings.timeoutMillis() + margin;
        if (activeFor >= wait && quorumFor >= wait) {
            for (HostHeartbeat host : liveness.toDeclareDead()) {
                failover.declareDead(host, host.ageMillis());
            }
        }
        for (HostHeartbeat host : liveness.hosts()) {
            if (liveness.backAlive().contains(host.id())) {
                failover.backAlive(host.id(), host.name());
            }
        }
        failover.resetVmsOfDeadHosts(QuarkusTransaction.requiringNew().call(store::deadHosts));
        restarts.round();
        return true;
    }

    void releaseLease(@Observes ShutdownEvent shutdown) {
        try {
            QuarkusTransaction.requiringNew().run(() -> store.releaseMonitorLease(replica));
        } catch (RuntimeException e) {
            LOG.debugf("HA monitor lease not released at shutdown (%s); it runs out by itself", e.toString());
        }
    }
}
