package org.xenplane.daemon.heartbeat;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.domain.DomainReporter;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.ControlPlaneClient;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.JoinResponse;

/**
 * Each joined host's domain reports to the control plane ({@code POST /api/v1/domain-reports},
 * bearer: the host credential): {@code xenplane.daemon.domain-report-settle} after a change of its
 * domains (with every other change meanwhile), and every
 * {@code xenplane.daemon.domain-report-interval} in any case.
 */
@Singleton
public class DomainReports {
    private final LocalHosts hosts;
    private final Memberships memberships;
    private final ControlPlaneClient controlPlane;
    private final Duration interval;
    private final Duration settle;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "xenplane-domain-reports");
        thread.setDaemon(true);
        return thread;
    });

    public DomainReports(LocalHosts hosts, Memberships memberships, ControlPlaneClient controlPlane, DaemonConfig config) {
        this.hosts = hosts;
        this.memberships = memberships;
        this.controlPlane = controlPlane;
        this.interval = config.domainReportInterval();
        this.settle = config.domainReportSettle();
    }

    public void start() {
        for (LocalHost host : hosts.all()) {
            new DomainReporter(host.domains(), () -> memberships.identity(host.key()).map(JoinResponse::hostId),
                    report -> send(host, report), timer, interval, settle).start();
        }
    }

    private CompletableFuture<?> send(LocalHost host, DomainReport report) {
        Optional<JoinResponse> identity = memberships.identity(host.key());
        if (identity.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return controlPlane.reportDomains(identity.get().hostCredential(), report).thenApply(status -> {
            if (status != 204) {
                throw new IllegalStateException("HTTP " + status);
            }
            return status;
        });
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
