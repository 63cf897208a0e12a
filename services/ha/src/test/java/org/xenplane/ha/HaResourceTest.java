package org.xenplane.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.ha.HaApi.as;
import static org.xenplane.ha.HaApi.asAdmin;
import static org.xenplane.ha.HaApi.disableHa;
import static org.xenplane.ha.HaApi.tokenFor;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.Role;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;
import org.xenplane.testing.EmbeddedPostgresResource;

/** {@code /api/v1/ha}, {@code PUT /api/v1/vms/{id}/ha} and the heartbeat's acknowledgement, over HTTP. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HaResourceTest {
    @Inject
    EntityManager em;

    @AfterEach
    void off() {
        disableHa();
    }

    /** Proves out-of-range settings and wrong states answer stable RFC 7807 codes and change nothing. */
    @Test
    void outOfRangeSettingsAndWrongStatesAnswerStableCodes() {
        for (int t : new int[] {5, 3601, -1}) {
            asAdmin().body(Map.of("timeoutSeconds", t)).post("/api/v1/ha/enable").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("HA_CONFIG_INVALID"));
        }
        asAdmin().body(Map.of("hostFailuresToTolerate", -1)).post("/api/v1/ha/enable").then().statusCode(400)
                .body("code", equalTo("HA_CONFIG_INVALID"));
        asAdmin().body(Map.of("timeoutSeconds", "soon")).post("/api/v1/ha/enable").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/ha").then().statusCode(200).body("enabled", equalTo(false));
        asAdmin().post("/api/v1/ha/disable").then().statusCode(409).body("code", equalTo("HA_NOT_ENABLED"));

        asAdmin().post("/api/v1/ha/enable").then().statusCode(200).body("enabled", equalTo(true))
                .body("timeoutSeconds", equalTo(30)).body("hostFailuresToTolerate", equalTo(0))
                .body("allowedOperations", org.hamcrest.Matchers.hasItem("disable"));
        asAdmin().body(Map.of("timeoutSeconds", 60)).post("/api/v1/ha/enable").then().statusCode(409)
                .body("code", equalTo("HA_IS_ENABLED"));
        asAdmin().body(Map.of("allowOvercommit", true)).put("/api/v1/ha/allow-overcommit").then().statusCode(200)
                .body("allowOvercommit", equalTo(true));
        asAdmin().post("/api/v1/ha/disable").then().statusCode(200).body("enabled", equalTo(false));
    }

    /** Proves the roles are XenServer's: pool-operator enables and disables, vm-power-admin protects VMs, less is refused. */
    @Test
    void onlyPoolOperatorsEnableHaAndOnlyVmPowerAdminsProtectVms() {
        String vmAdmin = tokenFor(Role.VM_ADMIN);
        String readOnly = tokenFor(Role.READ_ONLY);
        as(vmAdmin).post("/api/v1/ha/enable").then().statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"));
        as(readOnly).get("/api/v1/ha").then().statusCode(200);
        as(tokenFor(Role.POOL_OPERATOR)).body(Map.of("timeoutSeconds", 10)).post("/api/v1/ha/enable").then().statusCode(200);
        as(vmAdmin).post("/api/v1/ha/disable").then().statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"));

        String vm = HaApi.vm("ha-roles", 256, null, 0, 0);
        Map<String, Object> protect = Map.of("restartPriority", "restart", "order", 2, "startDelaySeconds", 3);
        as(vmAdmin).body(protect).put("/api/v1/vms/" + vm + "/ha").then().statusCode(403)
                .body("code", equalTo("RBAC_PERMISSION_DENIED"));
        as(tokenFor(Role.VM_POWER_ADMIN)).body(protect).put("/api/v1/vms/" + vm + "/ha").then().statusCode(200)
                .body("haRestartPriority", equalTo("restart")).body("haOrder", equalTo(2))
                .body("haStartDelaySeconds", equalTo(3));
        asAdmin().body(Map.of("restartPriority", "")).put("/api/v1/vms/" + vm + "/ha").then().statusCode(200)
                .body("haRestartPriority", equalTo("")).body("haOrder", equalTo(0));
    }

    /** Proves a VM's bad protection settings and an unknown VM answer stable codes. */
    @Test
    void badVmProtectionAndUnknownVmsAnswerStableCodes() {
        String vm = HaApi.vm("ha-bad-input", 256, null, 0, 0);
        asAdmin().body(Map.of("restartPriority", "always")).put("/api/v1/vms/" + vm + "/ha").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        asAdmin().body(Map.of("restartPriority", "restart", "startDelaySeconds", -1)).put("/api/v1/vms/" + vm + "/ha")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        asAdmin().body(Map.of("restartPriority", "restart")).put("/api/v1/vms/" + UUID.randomUUID() + "/ha")
                .then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
        asAdmin().body(Map.of("restartPriority", "restart")).put("/api/v1/vms/not-an-id/ha")
                .then().statusCode(400).body("code", equalTo("UUID_INVALID"));
        asAdmin().body(Map.of("restartPriority", "restart")).put("/api/v1/vms/" + HaApi.LINUX_PVH_TEMPLATE + "/ha")
                .then().statusCode(409).body("code", equalTo("VM_IS_TEMPLATE"));
    }

    /**
     * Proves the heartbeat's acknowledgement: HA off says so; HA on carries T, every other host with
     * its daemon URL and a peer token that changes when HA is enabled again, and that token is in no
     * view and no event.
     */
    @Test
    void heartbeatsAreAcknowledgedWithTheLeaseTermsAndThePeerTokenStaysInTheAck() {
        try (SimulatedPool pool = SimulatedPool.start(2, 4096)) {
            SimHost a = pool.host(1);
            SimHost b = pool.host(2);
            // HA is off: the acknowledgements say so (within xenplane.ha.terms-cache of an earlier test disabling it)
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.lastAck(a)
                    .map(ack -> ack.path("ha").has("enabled") && !ack.path("ha").path("enabled").asBoolean()).orElse(false));

            asAdmin().body(Map.of("timeoutSeconds", 6)).post("/api/v1/ha/enable").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.lastAck(a)
                    .map(ack -> ack.path("ha").path("enabled").asBoolean() && ack.path("ha").path("timeoutMillis").asLong() == 6000)
                    .orElse(false));
            JsonNode lease = pool.lastAck(a).orElseThrow().path("ha");
            Set<String> peers = StreamSupport.stream(lease.path("peers").spliterator(), false)
                    .map(p -> p.path("hostId").asText()).collect(Collectors.toSet());
            assertThat(peers).contains(b.hostId().toString()).doesNotContain(a.hostId().toString());
            assertThat(lease.path("peers").findValuesAsText("url")).anyMatch(u -> u.endsWith("/" + b.key()));
            String token = lease.path("peerToken").asText();
            assertThat(token).hasSizeGreaterThan(40);

            assertThat(asAdmin().get("/api/v1/ha").asString()).doesNotContain(token);
            Long inEvents = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from event where cast(snapshot as text) like ?1").setParameter(1, "%" + token + "%")
                    .getSingleResult()).longValue());
            assertThat(inEvents).isZero();

            disableHa();
            asAdmin().post("/api/v1/ha/enable").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.lastAck(a).map(ack ->
                    ack.path("ha").path("enabled").asBoolean() && !token.equals(ack.path("ha").path("peerToken").asText()))
                    .orElse(false));
        }
    }
}
