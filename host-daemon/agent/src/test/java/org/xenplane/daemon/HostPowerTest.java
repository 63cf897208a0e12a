package org.xenplane.daemon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.JoinResponse;

/**
 * {@code POST /daemon/v1/hosts/{key}/shutdown} and {@code /reboot} on a simulated host (the daemon
 * simulates two; heartbeats every 200 ms, reboot delay 1 s): the host's domains end, its heartbeats
 * stop and its API answers 503 HOST_OFFLINE until it is powered on again, by its power button or
 * at the end of the reboot. Host 1 goes on heartbeating meanwhile.
 */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class HostPowerTest {
    private static final String HOST_2 = "/daemon/v1/hosts/sim-host-2";

    @InjectFakeControlPlane
    FakeControlPlane controlPlane;
    @Inject
    Memberships memberships;
    @Inject
    LocalHosts hosts;

    private JoinResponse host1;
    private JoinResponse host2;

    @BeforeEach
    void joined() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> memberships.of("sim-host-1").isJoined() && memberships.of("sim-host-2").isJoined());
        host1 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_1);
        host2 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_2);
    }

    @AfterEach
    void poweredOn() {
        as(host2).post(HOST_2 + "/simulator/power-on").then().statusCode(204);
    }

    /**
     * Proves a shutdown: the domain ends, the API answers HOST_OFFLINE, no heartbeat of host 2 is
     * received while host 1 sends five more (one may have been on its way), and after the power-on
     * host 2's heartbeats resume and its API answers again.
     */
    @Test
    void aShutDownHostStopsUntilPoweredOn() {
        UUID vm = runningDomain();

        as(host2).post(HOST_2 + "/shutdown").then().statusCode(204);

        assertThat(hosts.find("sim-host-2").orElseThrow().driver().find(vm)).isEmpty();
        as(host2).get(HOST_2 + "/info").then().statusCode(503).body("code", equalTo("HOST_OFFLINE"));
        long before = heartbeatsOf(host2);
        long host1Before = heartbeatsOf(host1);
        await().atMost(Duration.ofSeconds(10)).until(() -> heartbeatsOf(host1) >= host1Before + 5);
        assertThat(heartbeatsOf(host2)).isLessThanOrEqualTo(before + 1);

        as(host2).post(HOST_2 + "/simulator/power-on").then().statusCode(204);

        long off = heartbeatsOf(host2);
        await().atMost(Duration.ofSeconds(10)).until(() -> heartbeatsOf(host2) > off);
        as(host2).get(HOST_2 + "/info").then().statusCode(200);
    }

    /** Proves a reboot: the domain ends, the host is off at once and back by itself (heartbeats, API) after its delay. */
    @Test
    void aRebootedHostComesBackEmptyByItself() {
        UUID vm = runningDomain();

        as(host2).post(HOST_2 + "/reboot").then().statusCode(204);

        assertThat(hosts.find("sim-host-2").orElseThrow().driver().find(vm)).isEmpty();
        as(host2).get(HOST_2 + "/info").then().statusCode(503).body("code", equalTo("HOST_OFFLINE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().header("Authorization", "Bearer "
                + host2.controlPlaneCredential()).get(HOST_2 + "/info").statusCode() == 200);
        long back = heartbeatsOf(host2);
        await().atMost(Duration.ofSeconds(10)).until(() -> heartbeatsOf(host2) > back);
        as(host2).get(HOST_2 + "/domains").then().statusCode(200).body("domains.size()", equalTo(0));
    }

    private UUID runningDomain() {
        UUID vm = UUID.randomUUID();
        as(host2).body(Map.of("spec", DomainResourceTest.spec(vm), "paused", false)).put(HOST_2 + "/domains/" + vm)
                .then().statusCode(200);
        return vm;
    }

    private long heartbeatsOf(JoinResponse host) {
        return controlPlane.heartbeats().stream().filter(h -> h.hostId().equals(host.hostId())).count();
    }

    private static RequestSpecification as(JoinResponse host) {
        return given().header("Authorization", "Bearer " + host.controlPlaneCredential())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
