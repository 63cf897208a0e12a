package org.xenplane.daemon.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.link.Membership;
import org.xenplane.daemon.link.MembershipState;
import org.xenplane.daemon.link.Memberships;

class MembershipReadinessTest {

    @Test
    void upWhileAHostIsStillWaitingForTheControlPlane() {
        Memberships memberships = new Memberships();
        memberships.set("sim-host-1", Membership.of(MembershipState.JOINING));
        memberships.set("sim-host-2", Membership.of(MembershipState.NO_JOIN_TOKEN));
        assertEquals(HealthCheckResponse.Status.UP, new MembershipReadiness(memberships).call().getStatus());
    }

    @Test
    void downWhenNoHostCanEverServe() {
        Memberships memberships = new Memberships();
        memberships.set("sim-host-1", Membership.of(MembershipState.JOIN_REFUSED));
        memberships.set("sim-host-2", Membership.of(MembershipState.NO_JOIN_TOKEN));
        assertEquals(HealthCheckResponse.Status.DOWN, new MembershipReadiness(memberships).call().getStatus());
    }
}
