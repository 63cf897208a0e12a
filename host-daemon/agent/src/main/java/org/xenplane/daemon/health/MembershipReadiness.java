package org.xenplane.daemon.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.xenplane.daemon.link.MembershipState;
import org.xenplane.daemon.link.Memberships;

/**
 * Readiness, with every host's state as data (e.g. {@code sim-host-2: NO_JOIN_TOKEN}). Up while
 * at least one host is joined or still joining (waiting for the control plane is normal); down
 * when no host can ever serve: every one lacks a token, was refused, or failed.
 */
@Readiness
@ApplicationScoped
public class MembershipReadiness implements HealthCheck {
    private final Memberships memberships;

    public MembershipReadiness(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, MembershipState> states = memberships.states();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("pool membership");
        states.forEach((key, state) -> response.withData(key, state.name()));
        boolean serving = states.containsValue(MembershipState.JOINED) || states.containsValue(MembershipState.JOINING);
        return response.status(serving).build();
    }
}
