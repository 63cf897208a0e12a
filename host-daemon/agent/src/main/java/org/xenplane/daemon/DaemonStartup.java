package org.xenplane.daemon;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;
import org.xenplane.daemon.ha.HaGuard;
import org.xenplane.daemon.heartbeat.DomainReports;
import org.xenplane.daemon.heartbeat.HeartbeatSender;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.monitoring.MetricsPublisher;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.join.HostJoiner;

/**
 * At start-up: checks the driver and hosts (a bad configuration stops start-up with one message),
 * then restores or starts the join of every local host in the background, and starts the heartbeats.
 */
@ApplicationScoped
public class DaemonStartup {
    private static final Logger LOG = Logger.getLogger(DaemonStartup.class);

    void onStart(@Observes StartupEvent event, LocalHosts hosts, HostJoiner joiner, HeartbeatSender heartbeats,
                 DomainReports reports, MetricsPublisher metrics, HaGuard ha, DaemonConfig config) {
        List<String> tokens = config.joinTokens().orElse(List.of());
        LOG.infof("Serving %d host(s) with the %s driver; control plane %s; state in %s",
                hosts.all().size(), hosts.driver().id(), config.controlPlaneUrl(), config.stateDir());
        for (LocalHost host : hosts.all()) {
            joiner.start(host, tokens);
        }
        heartbeats.start();
        ha.start();
        reports.start();
        metrics.start();
    }
}
