package org.xenplane.daemon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.JoinResponse;

/** The domain API over HTTP: operations, idempotency, hypervisor errors, migration between two hosts, reports. */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class DomainResourceTest {
    private static final String HOST_1 = "/daemon/v1/hosts/sim-host-1";
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

    @Test
    void aDomainIsCreatedPausedUnpausedAndDestroyed() {
        UUID vm = UUID.randomUUID();
        as(host1).header("Xenplane-Operation-Id", "c-" + vm).body(Map.of("spec", spec(vm), "paused", true))
                .put(HOST_1 + "/domains/" + vm).then().statusCode(200)
                .body("domain.state", equalTo("paused")).body("domain.domid", equalTo(domidOf(vm)));
        as(host1).post(HOST_1 + "/domains/" + vm + "/unpause").then().statusCode(200).body("domain.state", equalTo("running"));
        as(host1).get(HOST_1 + "/domains").then().statusCode(200).body("hostId", equalTo(host1.hostId().toString()));
        as(host1).delete(HOST_1 + "/domains/" + vm).then().statusCode(200).body("domain", nullValue());
        assertThat(hosts.find("sim-host-1").orElseThrow().driver().find(vm)).isEmpty();
    }

    @Test
    void theSameOperationIdTwiceCreatesOneDomain() {
        UUID vm = UUID.randomUUID();
        String first = as(host1).header("Xenplane-Operation-Id", "twice-" + vm).body(Map.of("spec", spec(vm), "paused", false))
                .put(HOST_1 + "/domains/" + vm).then().statusCode(200).extract().asString();
        String second = as(host1).header("Xenplane-Operation-Id", "twice-" + vm).body(Map.of("spec", spec(vm), "paused", false))
                .put(HOST_1 + "/domains/" + vm).then().statusCode(200).extract().asString();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anInjectedFailureAnswersAHypervisorErrorWithLibxlsName() {
        as(host1).body(Map.of("operation", "create", "error", "ERROR_NOMEM", "times", 1))
                .post(HOST_1 + "/simulator/failures").then().statusCode(204);
        UUID vm = UUID.randomUUID();
        as(host1).body(Map.of("spec", spec(vm), "paused", false)).put(HOST_1 + "/domains/" + vm).then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("HYPERVISOR_ERROR"))
                .body("parameters.error", equalTo("ERROR_NOMEM"))
                .body("parameters.function", equalTo("libxl_domain_create_new"));
    }

    @Test
    void aBadSpecIsAnInvalidFieldProblem() {
        UUID vm = UUID.randomUUID();
        Map<String, Object> spec = new java.util.HashMap<>(spec(vm));
        spec.put("vcpusMax", 0);
        as(host1).body(Map.of("spec", spec, "paused", false)).put(HOST_1 + "/domains/" + vm).then()
                .statusCode(400).body("code", equalTo("INVALID_FIELD"));
    }

    @Test
    void aDomainMigratesLiveFromOneHostToTheOtherOverHttp() {
        UUID vm = UUID.randomUUID();
        as(host1).body(Map.of("spec", spec(vm), "paused", false)).put(HOST_1 + "/domains/" + vm).then().statusCode(200);
        Map<String, String> incoming = as(host2).body(Map.of("spec", spec(vm))).post(HOST_2 + "/incoming-migrations")
                .then().statusCode(200).extract().as(Map.class);

        as(host1).body(incoming).post(HOST_1 + "/domains/" + vm + "/migrate").then().statusCode(200).body("domain", nullValue());
        as(host2).post(HOST_2 + "/domains/" + vm + "/unpause").then().statusCode(200).body("domain.state", equalTo("running"));

        assertThat(hosts.find("sim-host-1").orElseThrow().driver().find(vm)).isEmpty();
        given().header("Authorization", "Bearer " + incoming.get("ticket")).contentType("application/octet-stream")
                .body(new byte[0]).post(incoming.get("streamUrl").replaceFirst("http://127.0.0.1:\\d+", ""))
                .then().statusCode(401);
    }

    @Test
    void aGuestThatPowersOffIsReportedToTheControlPlaneWithWhy() {
        UUID vm = UUID.randomUUID();
        as(host1).body(Map.of("spec", spec(vm), "paused", false)).put(HOST_1 + "/domains/" + vm).then().statusCode(200);
        as(host1).body(Map.of("action", "poweroff")).post(HOST_1 + "/simulator/domains/" + vm + "/guest-action")
                .then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> controlPlane.domainReports().stream()
                .anyMatch(r -> r.ended().stream().anyMatch(e -> e.vmId().equals(vm) && e.reason().wireName().equals("poweroff"))));
        assertThat(controlPlane.domainReports()).allMatch(r -> r.hostId().equals(host1.hostId()) || r.hostId().equals(host2.hostId()));
    }

    @Test
    void aSimulatedHostThatLosesPowerLosesItsDomains() {
        UUID vm = UUID.randomUUID();
        as(host2).body(Map.of("spec", spec(vm), "paused", false)).put(HOST_2 + "/domains/" + vm).then().statusCode(200);
        as(host2).post(HOST_2 + "/simulator/power-off").then().statusCode(204);

        assertThat(hosts.find("sim-host-2").orElseThrow().driver().find(vm)).isEmpty();
        as(host2).get(HOST_2 + "/domains").then().statusCode(200).body("domains.size()", equalTo(0));
    }

    @Test
    void theOtherHostsCredentialCannotTouchThisHostsDomains() {
        as(host2).get(HOST_1 + "/domains").then().statusCode(401).body("code", equalTo("SESSION_AUTHENTICATION_FAILED"));
    }

    private int domidOf(UUID vm) {
        return hosts.find("sim-host-1").orElseThrow().driver().find(vm).map(DomainInfo::domid).orElse(-1);
    }

    private static RequestSpecification as(JoinResponse host) {
        return given().header("Authorization", "Bearer " + host.controlPlaneCredential())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> spec(UUID vm) {
        return Map.ofEntries(Map.entry("vmId", vm.toString()), Map.entry("name", "guest"), Map.entry("type", "pvh"),
                Map.entry("memoryStaticMax", 268435456L), Map.entry("memoryTarget", 268435456L),
                Map.entry("vcpusMax", 1), Map.entry("vcpusOnline", 1), Map.entry("kernel", "/boot/vmlinuz"),
                Map.entry("platform", Map.of()), Map.entry("disks", List.of()), Map.entry("nics", List.of()));
    }
}
