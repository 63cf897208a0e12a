package org.xenplane.daemon.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.host.HostPower;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.ha.HaGuard;
import org.xenplane.daemon.link.ControlPlaneClient;
import org.xenplane.daemon.link.HeartbeatAnswer;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.JoinResponse;

/**
 * Every {@code xenplane.daemon.heartbeat-interval}, sends each joined host's heartbeat (its current
 * facts, bearer: its host credential). A host whose previous heartbeat is still on its way skips a
 * beat rather than piling requests up on a slow control plane. Its own timer rather than
 * {@code @Scheduled}, whose simple scheduler runs nothing more often than once a second.
 */
@Singleton
public class HeartbeatSender {
    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class);

    private final LocalHosts hosts;
    private final Memberships memberships;
    private final HaGuard ha;
    private final ControlPlaneClient controlPlane;
    private final MeterRegistry metrics;
    private final Duration interval;
    private final HostPower power;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "xenplane-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final OutcomeLog outcomes = new OutcomeLog();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public HeartbeatSender(LocalHosts hosts, Memberships memberships, HaGuard ha, ControlPlaneClient controlPlane,
                           MeterRegistry metrics, DaemonConfig config, HostPower power) {
        this.hosts = hosts;
        this.power = power;
        this.memberships = memberships;
        this.ha = ha;
        this.controlPlane = controlPlane;
        this.metrics = metrics;
        this.interval = config.heartbeatInterval();
        if (interval.isNegative() || interval.isZero()) {
            throw new ConfigurationException("xenplane.daemon.heartbeat-interval=" + interval + ": must be positive");
        }
    }

    /**
     * Starts the beat, the first at once (a restarted daemon renews its HA lease without waiting);
     * hosts that join later are picked up on the next one.
     */
    public void start() {
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::sendAll, 0, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void sendAll() {
        try {
            for (LocalHost host : hosts.all()) {
                if (!power.isOn(host.key())) {
                    continue; // a powered-off host sends nothing
                }
                memberships.identity(host.key()).ifPresent(identity -> send(host, identity));
            }
        } catch (RuntimeException e) {
            // an exception would cancel the timer: log it and beat again next time
            LOG.error("Sending heartbeats failed unexpectedly", e);
        }
    }

    private void send(LocalHost host, JoinResponse identity) {
        if (!inFlight.add(host.key())) {
            return;
        }
        try {
            long sent = System.nanoTime(); // the lease runs from the sending, never from the answer
            controlPlane.heartbeat(identity.hostId(), identity.hostCredential(), host.driver().facts())
                    .whenComplete((answer, failure) -> {
                        if (failure == null && answer.acknowledged()) {
                            ha.acknowledged(host.key(), sent, answer.ack().ha());
                        }
                        finish(host.key(), outcome(answer, failure));
                    });
        } catch (RuntimeException e) {
            finish(host.key(), "not sent (" + ControlPlaneClient.describe(e) + ")");
        }
    }

    private void finish(String key, String outcome) {
        inFlight.remove(key);
        outcomes.record(key, outcome);
        Counter.builder("xenplane.daemon.heartbeats")
                .description("Heartbeats sent to the control plane, by host and result")
                .tag("host", key)
                .tag("result", OutcomeLog.OK.equals(outcome) ? "ok" : "failed")
                .register(metrics)
                .increment();
    }

    private static String outcome(HeartbeatAnswer answer, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return "control plane unreachable (" + ControlPlaneClient.describe(cause) + ")";
        }
        if (answer.acknowledged()) {
            return OutcomeLog.OK;
        }
        int status = answer.status();
        if (status == 200) {
            return "HTTP 200 without a readable acknowledgement";
        }
        return status == 401 || status == 403
                ? "HTTP " + status + ": the control plane no longer accepts this host's credential (removed from the pool?)"
                : "HTTP " + status;
    }
}
