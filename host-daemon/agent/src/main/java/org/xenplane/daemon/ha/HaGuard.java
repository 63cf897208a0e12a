package org.xenplane.daemon.ha;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.ha.FenceDecision.Verdict;
import org.xenplane.daemon.ha.watchdog.Watchdog;
import org.xenplane.daemon.ha.watchdog.Watchdogs;
import org.xenplane.daemon.host.HostPower;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeer;
import org.xenplane.daemon.protocol.ha.HaPeerStatus;

/**
 * Self-fencing. Every pet period (a sixth of the watchdog timeout), for each joined host with HA:
 * arms its watchdog and pets it while the host is safe ({@link LeaseView#safe()}), until the lease
 * end or at least the watchdog timeout; once the lease
 * has less than the lead time left without renewal, asks every peer at once (at most once a beat),
 * and applies {@link FenceDecision}: fence (destroy every domain, then refuse new ones until a
 * fresh acknowledgement), or keep running until the next verdict. All in one thread of its own, so
 * that a daemon that cannot decide also stops petting.
 */
@Singleton
public class HaGuard {
    private static final Logger LOG = Logger.getLogger(HaGuard.class);

    private final LocalHosts hosts;
    private final Memberships memberships;
    private final HaLeases leases;
    private final Watchdogs watchdogs;
    private final PeerStatusClient peers;
    private final MeterRegistry metrics;
    private final Duration beat;
    private final Duration peerTimeout;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "xenplane-ha-guard");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> asking = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastAskNanos = new ConcurrentHashMap<>();
    private final Map<String, Verdict> lastVerdict = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final Map<String, String> watchdogFailures = new ConcurrentHashMap<>();
    private final HostPower power;

    public HaGuard(LocalHosts hosts, Memberships memberships, HaLeases leases, Watchdogs watchdogs,
                   ObjectMapper json, MeterRegistry metrics, DaemonConfig config, HostPower power) {
        this.hosts = hosts;
        this.power = power;
        this.memberships = memberships;
        this.leases = leases;
        this.watchdogs = watchdogs;
        this.peers = new PeerStatusClient(json);
        this.metrics = metrics;
        this.beat = config.heartbeatInterval();
        this.peerTimeout = config.ha().peerTimeout();
    }

    public void start() {
        long millis = Math.max(1, watchdogs.petPeriod().toMillis());
        timer.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * A heartbeat's acknowledgement, sent at {@code sentNanos}: with HA, the host's watchdog is armed
     * before the lease is taken. Arming only at the guard's next tick would leave a gap: a daemon
     * that froze right after its first acknowledgement would hold a lease, and (on Xen) running
     * domains, with no watchdog to reset it once the control plane declares its host dead. Once
     * the lease is taken, the watchdog is petted to its end: a daemon killed right after its first
     * acknowledgement and restarted within the lease keeps its host, as one killed later does.
     */
    public void acknowledged(String key, long sentNanos, HaLease terms) {
        Watchdog watchdog = watchdogs.of(key);
        if (terms.enabled()) {
            watchdogSafely(key, watchdog::arm);
        }
        HaLeaseKeeper lease = leases.of(key);
        lease.acknowledged(sentNanos, terms);
        LeaseView view = lease.view();
        if (terms.enabled() && view.enabled() && view.safe()) {
            watchdogSafely(key, () -> watchdog.pet(fireAfter(view)));
        }
    }

    /** The daemon stops: each watchdog stays armed until the lease ends (a quick restart keeps the host). */
    @PreDestroy
    void stop() {
        timer.shutdownNow();
        for (LocalHost host : hosts.all()) {
            LeaseView lease = leases.of(host.key()).view();
            Watchdog watchdog = watchdogs.of(host.key());
            try {
                if (!lease.enabled() || lease.fenced()) {
                    watchdog.disarm();
                } else {
                    watchdog.release(fireAfter(lease));
                }
            } catch (RuntimeException e) {
                LOG.errorf("%s: the watchdog could not be handed over (%s)", host.key(), e.getMessage());
            }
        }
    }

    private void tick() {
        try {
            for (LocalHost host : hosts.all()) {
                memberships.identity(host.key()).ifPresent(identity -> check(host, identity));
            }
        } catch (RuntimeException e) {
            // an exception would cancel the timer: log it and check again next time
            LOG.error("The HA guard failed unexpectedly", e);
        }
    }

    private void check(LocalHost host, JoinResponse identity) {
        String key = host.key();
        LeaseView lease = leases.of(key).view();
        Watchdog watchdog = watchdogs.of(key);
        if (!lease.enabled() || !power.isOn(key)) {
            watchdogSafely(key, watchdog::disarm); // HA off, or the host was shut down cleanly: nothing to fence
            return;
        }
        gauge(key);
        watchdogSafely(key, () -> {
            watchdog.arm();
            if (lease.safe()) {
                watchdog.pet(fireAfter(lease));
            }
        });
        if (lease.needsVerdict() && !lease.fenced()) {
            ask(host, identity, lease);
        }
    }

    /** A watchdog that fails (no device) must not keep the host from fencing: logged once per reason. */
    private void watchdogSafely(String key, Runnable action) {
        try {
            action.run();
            watchdogFailures.remove(key);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(watchdogFailures.put(key, String.valueOf(e.getMessage())))) {
                LOG.errorf("%s: the HA watchdog failed (%s); the host still fences itself, but a hung daemon"
                        + " would not be reset", key, e.getMessage());
            }
        }
    }

    /**
     * How long the watchdog may wait for the next pet: until the lease ends, at least its timeout.
     * A pet happens while the lease is valid, so the reset comes at the latest at lease end + the
     * watchdog timeout, before the control plane's margin (5 s) has passed.
     */
    private Duration fireAfter(LeaseView lease) {
        return Duration.ofMillis(Math.max(lease.remainingMillis(), watchdogs.timeout().toMillis()));
    }

    private void ask(LocalHost host, JoinResponse identity, LeaseView lease) {
        String key = host.key();
        long now = System.nanoTime();
        Long last = lastAskNanos.get(key);
        if ((last != null && now - last < beat.toNanos()) || !asking.add(key)) {
            return;
        }
        lastAskNanos.put(key, now);
        Duration timeout = Duration.ofMillis(Math.max(50, Math.min(peerTimeout.toMillis(), lease.leadMillis() / 2)));
        List<HaPeer> pool = lease.terms().peers();
        peers.ask(pool, lease.terms().peerToken(), timeout).whenComplete((answers, failure) -> {
            try {
                decide(host, identity, pool, answers == null ? Map.of() : answers);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: the HA verdict failed", key);
            } finally {
                asking.remove(key);
            }
        });
    }

    private void decide(LocalHost host, JoinResponse identity, List<HaPeer> pool, Map<UUID, HaPeerStatus> answers) {
        String key = host.key();
        HaLeaseKeeper keeper = leases.of(key);
        LeaseView lease = keeper.view();
        if (!lease.needsVerdict() || lease.fenced()) {
            return; // renewed (or fenced) meanwhile
        }
        Verdict verdict = FenceDecision.decide(identity.hostId(), pool.stream().map(HaPeer::hostId).toList(), answers,
                freshMillis(lease));
        Verdict previous = lastVerdict.put(key, verdict);
        if (!verdict.fences()) {
            long holdMillis = Math.max(lease.leadMillis(), 2 * beat.toMillis() + peerTimeout.toMillis());
            keeper.keepRunning(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis));
            if (previous != verdict) {
                LOG.warnf("%s: HA lease not renewed; %d of %d peer(s) reached, none reaches the control plane:"
                        + " a quorum, so the host keeps running its domains", key, answers.size(), pool.size());
            }
            return;
        }
        fence(host, keeper, verdict, answers.size(), pool.size());
    }

    /**
     * How recent a peer's acknowledged heartbeat must be to show it reaching the control plane:
     * T/2. A peer that reaches the control plane, even slowly, is well within it; in an outage for
     * everyone the peers' last acknowledgements are about T - lead old when this host asks, beyond
     * it as long as the heartbeat interval stays below T/2 - lead (10 s with T = 30 s).
     */
    private static long freshMillis(LeaseView lease) {
        return lease.terms().timeoutMillis() / 2;
    }

    private void fence(LocalHost host, HaLeaseKeeper keeper, Verdict verdict, int reached, int peerCount) {
        String key = host.key();
        int before = host.driver().list().size();
        if (!HostFencer.fence(key, host.driver())) {
            LOG.errorf("%s: FENCING FAILED (%s): domains remain; the watchdog will reset the host", key, verdict);
            return;
        }
        keeper.markFenced();
        Counter.builder("xenplane.daemon.ha.fences")
                .description("Times a host fenced itself (destroyed its domains), by host and reason")
                .tag("host", key).tag("reason", verdict.name().toLowerCase(java.util.Locale.ROOT))
                .register(metrics).increment();
        LOG.warnf("%s: FENCED (%s: %d of %d peer(s) reached): destroyed %d domain(s); new domains, incoming"
                + " migrations and storage changes are refused until the control plane acknowledges a heartbeat",
                key, verdict, reached, peerCount, before);
    }

    private void gauge(String key) {
        if (gauged.add(key)) {
            Gauge.builder("xenplane.daemon.ha.fenced", () -> leases.of(key).view().fenced() ? 1 : 0)
                    .description("1 while the host is fenced by HA, else 0")
                    .tag("host", key).register(metrics);
        }
    }
}
