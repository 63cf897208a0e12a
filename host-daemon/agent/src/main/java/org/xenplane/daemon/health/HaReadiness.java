package org.xenplane.daemon.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.xenplane.daemon.ha.HaLeases;
import org.xenplane.daemon.ha.LeaseView;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;

/**
 * Readiness check {@code ha}: each host's HA state as data ({@code disabled}, {@code lease-valid},
 * {@code keep-running}, {@code fenced}, {@code lease-ended}). Always up: a fenced host is the
 * daemon doing its job, and it still answers the control plane.
 */
@Readiness
@ApplicationScoped
public class HaReadiness implements HealthCheck {
    private final LocalHosts hosts;
    private final HaLeases leases;

    public HaReadiness(LocalHosts hosts, HaLeases leases) {
        this.hosts = hosts;
        this.leases = leases;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ha").up();
        for (LocalHost host : hosts.all()) {
            response.withData(host.key(), state(leases.of(host.key()).view()));
        }
        return response.build();
    }

    static String state(LeaseView lease) {
        if (!lease.enabled()) {
            return "disabled";
        }
        if (lease.fenced()) {
            return "fenced";
        }
        if (lease.valid()) {
            return "lease-valid";
        }
        return lease.keepRunning() ? "keep-running" : "lease-ended";
    }
}
