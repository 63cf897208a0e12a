package org.xenplane.daemon.ha;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.FakeControlPlaneResource;
import org.xenplane.daemon.InjectFakeControlPlane;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeer;

/**
 * Self-fencing end to end in one daemon serving two simulated hosts, peers of each other over real
 * HTTP, against a fake control plane that acknowledges heartbeats with HA terms (T = 2 s, so a
 * verdict is due 666 ms before the lease ends) and can cut a host's heartbeats off.
 */
@QuarkusTest
@WithTestResource(HaControlPlaneResource.class)
class SelfFencingTest {
    private static final String HOST_1 = "/daemon/v1/hosts/sim-host-1";
    private static final long T = 2_000;
    private static final String PEER_TOKEN = "peer-token-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @InjectFakeControlPlane
    FakeControlPlane controlPlane;
    @Inject
    Memberships memberships;
    @Inject
    LocalHosts hosts;
    @Inject
    HaLeases leases;

    private JoinResponse host1;
    private JoinResponse host2;
    private final List<HaPeer> phantoms = new ArrayList<>();

    @BeforeEach
    void haOn() {
        await().atMost(PATIENCE).until(() -> memberships.of("sim-host-1").isJoined() && memberships.of("sim-host-2").isJoined());
        host1 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_1);
        host2 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_2);
        controlPlane.acknowledgeWith(this::terms);
        await().atMost(PATIENCE).until(() -> state("sim-host-1").equals("lease-valid") && state("sim-host-2").equals("lease-valid"));
    }

    @AfterEach
    void reconnect() {
        controlPlane.cutOff(host1.hostId(), false);
        controlPlane.cutOff(host2.hostId(), false);
        phantoms.clear();
        await().atMost(PATIENCE).until(() -> !leases.of("sim-host-1").view().fenced() && !leases.of("sim-host-2").view().fenced());
    }

    /**
     * Host 1 loses the control plane while host 2 still reaches it: host 1 asks host 2, learns it is
     * the isolated one, destroys its domain before its lease ends, and refuses a new one with
     * 503 HOST_OFFLINE; a fresh acknowledgement lifts the fence.
     */
    @Test
    void aHostCutOffWhileItsPeerReachesTheControlPlaneFencesItself() {
        UUID vm = create();
        controlPlane.cutOff(host1.hostId(), true);
        await().atMost(PATIENCE).until(() -> state("sim-host-1").equals("fenced"));
        assertThat(hosts.find("sim-host-1").orElseThrow().driver().list()).isEmpty();
        as(host1).body(Map.of("spec", spec(UUID.randomUUID()), "paused", false)).put(HOST_1 + "/domains/" + UUID.randomUUID())
                .then().statusCode(503).body("code", equalTo("HOST_OFFLINE"));
        as(host1).post(HOST_1 + "/srs/" + UUID.randomUUID() + "/detach").then().statusCode(503).body("code", equalTo("HOST_OFFLINE"));
        peerStatus(HOST_1, PEER_TOKEN).then().statusCode(200).body("fenced", equalTo(true))
                .body("controlPlaneReachable", equalTo(false));
        assertThat(state("sim-host-2")).isEqualTo("lease-valid");

        controlPlane.cutOff(host1.hostId(), false);
        await().atMost(PATIENCE).until(() -> state("sim-host-1").equals("lease-valid"));
        as(host1).body(Map.of("spec", spec(vm), "paused", false)).put(HOST_1 + "/domains/" + vm).then().statusCode(200);
    }

    /**
     * The control plane is down for everyone: both hosts reach each other (the whole pool) and
     * neither reaches the control plane, so nobody can restart anything: the domain keeps running
     * through several lease lengths.
     */
    @Test
    void aControlPlaneOutageNeverStopsARunningDomain() {
        UUID vm = create();
        controlPlane.cutOff(host1.hostId(), true);
        controlPlane.cutOff(host2.hostId(), true);
        await().atMost(PATIENCE).until(() -> state("sim-host-1").equals("keep-running"));
        await().during(Duration.ofMillis(3 * T)).atMost(Duration.ofMillis(4 * T))
                .until(() -> state("sim-host-1").equals("keep-running") && running(vm));
    }

    /**
     * Host 1 reaches host 2 but the pool also has two hosts that do not answer: two of five voters
     * (four hosts and the control plane) are no quorum, so both hosts fence.
     */
    @Test
    void hostsThatReachNoQuorumFence() {
        phantoms.add(new HaPeer(new UUID(Long.MIN_VALUE, 1), "http://127.0.0.1:9/daemon/v1/hosts/gone-1"));
        phantoms.add(new HaPeer(new UUID(Long.MIN_VALUE, 2), "http://127.0.0.1:9/daemon/v1/hosts/gone-2"));
        await().atMost(PATIENCE).until(() -> leases.of("sim-host-1").view().terms().peers().size() == 3
                && leases.of("sim-host-2").view().terms().peers().size() == 3);
        UUID vm = create();
        controlPlane.cutOff(host1.hostId(), true);
        controlPlane.cutOff(host2.hostId(), true);
        await().atMost(PATIENCE).until(() -> state("sim-host-1").equals("fenced") && state("sim-host-2").equals("fenced"));
        assertThat(running(vm)).isFalse();
    }

    /** The peer status answers only the pool's peer token: not a wrong one, none, or the control plane's credential. */
    @Test
    void thePeerStatusWantsThePeerToken() {
        peerStatus(HOST_1, PEER_TOKEN).then().statusCode(200).body("hostId", equalTo(host1.hostId().toString()))
                .body("controlPlaneReachable", equalTo(true)).body("fenced", equalTo(false));
        peerStatus(HOST_1, "wrong").then().statusCode(401).body("code", equalTo("SESSION_AUTHENTICATION_FAILED"));
        given().get(HOST_1 + HaLease.PEER_STATUS).then().statusCode(401);
        peerStatus(HOST_1, host1.controlPlaneCredential()).then().statusCode(401);
        peerStatus("/daemon/v1/hosts/nobody", PEER_TOKEN).then().statusCode(404);
    }

    private HaLease terms(UUID hostId) {
        List<HaPeer> peers = new ArrayList<>(phantoms);
        for (FakeControlPlane.ReceivedJoin join : controlPlane.joins()) {
            UUID id = controlPlane.issued(join.request().joinToken()).hostId();
            if (!id.equals(hostId)) {
                // the daemon advertises quarkus.http.port; under test it listens on the test port
                peers.add(new HaPeer(id, "http://127.0.0.1:" + RestAssured.port + "/daemon/v1/hosts/" + join.request().hostname()));
            }
        }
        return new HaLease(true, T, peers, PEER_TOKEN);
    }

    private UUID create() {
        UUID vm = UUID.randomUUID();
        as(host1).body(Map.of("spec", spec(vm), "paused", false)).put(HOST_1 + "/domains/" + vm).then().statusCode(200);
        return vm;
    }

    private boolean running(UUID vm) {
        return hosts.find("sim-host-1").orElseThrow().driver().find(vm).isPresent();
    }

    private static String state(String key) {
        return given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'ha' }.data.'" + key + "'");
    }

    private static io.restassured.response.Response peerStatus(String host, String token) {
        return given().header("Authorization", "Bearer " + token).get(host + HaLease.PEER_STATUS);
    }

    private static RequestSpecification as(JoinResponse host) {
        return given().header("Authorization", "Bearer " + host.controlPlaneCredential())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, Object> spec(UUID vm) {
        return Map.ofEntries(Map.entry("vmId", vm.toString()), Map.entry("name", "guest"), Map.entry("type", "pvh"),
                Map.entry("memoryStaticMax", 268435456L), Map.entry("memoryTarget", 268435456L),
                Map.entry("vcpusMax", 1), Map.entry("vcpusOnline", 1), Map.entry("kernel", "/boot/vmlinuz"),
                Map.entry("platform", Map.of()), Map.entry("disks", List.of()), Map.entry("nics", List.of()));
    }
}
