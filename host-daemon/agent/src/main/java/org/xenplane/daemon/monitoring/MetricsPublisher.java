package org.xenplane.daemon.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.ControlPlaneClient;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.metrics.MetricsSampler;
import org.xenplane.daemon.metrics.PrometheusText;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.daemon.protocol.MetricsReport;

/**
 * Samples every local host every {@code xenplane.daemon.metrics.interval} and pushes each joined
 * host's sample to the control plane. Pushed rather than pulled: the daemon already pushes its
 * heartbeats and domain reports with the host credential; the control plane's replicas stay
 * stateless (no scrape schedule to share out among them) and a host behind NAT still reports.
 */
@Singleton
public class MetricsPublisher {
    private static final Logger LOG = Logger.getLogger(MetricsPublisher.class);

    private final LocalHosts hosts;
    private final Memberships memberships;
    private final ControlPlaneClient controlPlane;
    private final MeterRegistry registry;
    private final DaemonConfig.Metrics config;
    private final Map<String, MetricsSampler> samplers = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "xenplane-metrics");
        thread.setDaemon(true);
        return thread;
    });

    public MetricsPublisher(LocalHosts hosts, Memberships memberships, ControlPlaneClient controlPlane,
                            MeterRegistry registry, DaemonConfig config) {
        this.hosts = hosts;
        this.memberships = memberships;
        this.controlPlane = controlPlane;
        this.registry = registry;
        this.config = config.metrics();
        Duration interval = this.config.interval();
        if (interval.isNegative() || interval.isZero() || this.config.vmsPerReport() < 1) {
            throw new ConfigurationException("xenplane.daemon.metrics.interval and .vms-per-report must be positive");
        }
        hosts.all().forEach(h -> samplers.put(h.key(), new MetricsSampler(h.driver())));
    }

    public void start() {
        long millis = config.interval().toMillis();
        timer.scheduleAtFixedRate(this::sampleAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Every host's newest sample in the Prometheus text format. */
    public String prometheusText() {
        PrometheusText text = new PrometheusText();
        samplers.forEach((key, sampler) -> text.add(key, sampler.latest()));
        return text.render();
    }

    private void sampleAll() {
        long now = Instant.now().getEpochSecond();
        for (LocalHost host : hosts.all()) {
            try {
                MetricsSampler.Sample sample = samplers.get(host.key()).sample(now);
                if (config.push()) {
                    memberships.identity(host.key()).ifPresent(identity -> push(host.key(), identity, sample));
                }
            } catch (RuntimeException e) {
                // an exception would cancel the timer: log it and sample again next time
                LOG.warnf("Sampling host %s failed: %s", host.key(), ControlPlaneClient.describe(e));
            }
        }
    }

    private void push(String key, JoinResponse identity, MetricsSampler.Sample sample) {
        List<MetricsReport.VmMetrics> vms = sample.vms().stream()
                .map(v -> new MetricsReport.VmMetrics(v.vmId(), v.values())).toList();
        int per = config.vmsPerReport();
        for (int from = 0; from == 0 || from < vms.size(); from += per) {
            MetricsReport report = new MetricsReport(identity.hostId(), sample.time(),
                    from == 0 ? sample.host() : Map.of(), vms.subList(from, Math.min(vms.size(), from + per)));
            controlPlane.reportMetrics(identity.hostCredential(), report)
                    .whenComplete((status, failure) -> count(key, failure == null && status == 204));
        }
    }

    private void count(String key, boolean ok) {
        Counter.builder("xenplane.daemon.metrics.reports")
                .description("Metrics reports sent to the control plane, by host and result")
                .tag("host", key).tag("result", ok ? "ok" : "failed")
                .register(registry).increment();
    }
}
