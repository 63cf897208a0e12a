package org.xenplane.monitoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.Tokens;
import org.xenplane.daemon.protocol.MetricsReport;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Per-object alarm thresholds (XenServer's other_config:perfmon): set, read and cleared per host
 * and per VM, overriding the pool defaults (here CPU 0.9, free memory 64 MiB, window 20 s).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AlarmConfigResourceTest {
    private static final long GIB = 1L << 30;

    @Inject
    EntityManager em;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(MetricsResourceTest.ADMIN);
    }

    static String tokenFor(Role role) {
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        QuarkusTransaction.requiringNew().run(() ->
                Credential.create(CallerKind.USER, role.wireName() + "-user", "test " + role.wireName(), role, secret).persist());
        return secret;
    }

    static UUID newVm(String name) {
        String id = admin().body(Map.of("template", "6a1f2d3e-0000-4000-8000-000000000001", "name", name))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A host row, as the pool service writes it when a host joins (its table, read by SQL here). */
    UUID newHost() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into host (id, pool_id, name, address, daemon_url, cpu_count, memory_total, memory_free,
                                  last_heartbeat, joined_at)
                select ?1, id, 'alarm-host', '127.0.0.1', 'http://127.0.0.1:9', 4, 17179869184, 8589934592, now(), now()
                from pool limit 1
                """).setParameter(1, id).executeUpdate());
        return id;
    }

    static String hostCredential(UUID hostId) {
        String secret = Tokens.newSecret(Tokens.HOST_PREFIX);
        QuarkusTransaction.requiringNew().run(() ->
                Credential.create(CallerKind.HOST, hostId.toString(), "host " + hostId, null, secret).persist());
        return secret;
    }

    /** Five samples (25 s, more than the 20 s window) of a host and its VMs. */
    static void reportLoad(UUID host, double hostFreeKib, Map<UUID, Double> vmCpu) {
        String credential = hostCredential(host);
        long t0 = (System.currentTimeMillis() / 1000 / 60) * 60 - 300;
        for (int i = 1; i <= 5; i++) {
            List<MetricsReport.VmMetrics> vms = vmCpu.entrySet().stream().map(e -> new MetricsReport.VmMetrics(e.getKey(),
                    Map.of("cpu_usage", e.getValue(), "memory_internal_free", 1_000_000.0))).toList();
            given().auth().oauth2(credential).contentType(ContentType.JSON)
                    .body(new MetricsReport(host, t0 + 5L * i, Map.of("cpu_avg", 0.1, "memory_free_kib", hostFreeKib), vms))
                    .post("/api/v1/metrics/reports").then().statusCode(204);
        }
    }

    static List<String> messageNames(String objectClass, UUID id) {
        return admin().queryParam("class", objectClass).queryParam("object", id.toString()).get("/api/v1/messages")
                .then().statusCode(200).extract().jsonPath().getList("name", String.class);
    }

    @Test
    void aVmsOwnCpuThresholdRaisesItsAlarmWhereThePoolDefaultWouldNot() {
        UUID strict = newVm("strict");
        UUID lenient = newVm("lenient");
        admin().get("/api/v1/metrics/vms/" + strict + "/alarms").then().statusCode(200)
                .body("cpuUsageAbove", equalTo(0.9f)).body("memoryFreeBelow", equalTo(67108864))
                .body("overrides.cpuUsageAbove", nullValue());

        String task = as(tokenFor(Role.VM_ADMIN)).body(Map.of("cpuUsageAbove", 0.5))
                .put("/api/v1/metrics/vms/" + strict + "/alarms").then().statusCode(200)
                .body("cpuUsageAbove", equalTo(0.5f)).body("memoryFreeBelow", equalTo(67108864))
                .body("overrides.cpuUsageAbove", equalTo(0.5f)).body("overrides.memoryFreeBelow", nullValue())
                .extract().header("Xenplane-Task");
        admin().get("/api/v1/tasks/" + task).then().body("operation", equalTo("alarm_config.set_vm"));
        reportLoad(UUID.randomUUID(), 4_000_000, Map.of(strict, 0.6, lenient, 0.6));

        assertThat(messageNames("vm", strict)).containsExactly("CPU_USAGE_HIGH");
        assertThat(messageNames("vm", lenient)).isEmpty();
        admin().get("/api/v1/metrics/vms/" + strict + "/alarms").then().statusCode(200).body("cpuUsageAbove", equalTo(0.5f));
    }

    @Test
    void clearingAVmsThresholdsFallsBackToThePoolDefaults() {
        UUID vm = newVm("cleared");
        String event = admin().get("/api/v1/events").then().extract().path("token");
        admin().body(Map.of("cpuUsageAbove", 0.2, "memoryFreeBelow", GIB)).put("/api/v1/metrics/vms/" + vm + "/alarms")
                .then().statusCode(200).body("memoryFreeBelow", equalTo((int) GIB));

        admin().delete("/api/v1/metrics/vms/" + vm + "/alarms").then().statusCode(200)
                .body("cpuUsageAbove", equalTo(0.9f)).body("overrides.cpuUsageAbove", nullValue());
        reportLoad(UUID.randomUUID(), 4_000_000, Map.of(vm, 0.6));

        assertThat(messageNames("vm", vm)).isEmpty();
        List<String> changes = admin().get("/api/v1/events?classes=alarm_config&from=" + event).then().statusCode(200)
                .extract().jsonPath().getList("events.ref", String.class);
        assertThat(changes).contains(vm.toString());
    }

    @Test
    void aHostsThresholdsNeedAPoolOperatorAndOverrideThePoolDefault() {
        UUID host = newHost();
        String path = "/api/v1/metrics/hosts/" + host + "/alarms";
        as(tokenFor(Role.VM_ADMIN)).body(Map.of("memoryFreeBelow", 8 * GIB)).put(path).then().statusCode(403)
                .body("code", equalTo("RBAC_PERMISSION_DENIED"));
        as(tokenFor(Role.READ_ONLY)).get(path).then().statusCode(200).body("overrides.memoryFreeBelow", nullValue());

        as(tokenFor(Role.POOL_OPERATOR)).body(Map.of("memoryFreeBelow", 8 * GIB)).put(path).then().statusCode(200)
                .body("memoryFreeBelow", equalTo(8 * GIB)).body("cpuUsageAbove", equalTo(0.9f));
        reportLoad(host, 4_000_000, Map.of()); // about 3.8 GiB free: plenty by the pool's 64 MiB, too little by 8 GiB

        assertThat(messageNames("host", host)).containsExactly("MEMORY_FREE_LOW");
    }

    @Test
    void thresholdsOutOfRangeAreRefusedWithTheirCode() {
        UUID vm = newVm("bad-input");
        String path = "/api/v1/metrics/vms/" + vm + "/alarms";
        for (Object cpu : List.of(0, 1.01, -0.5)) {
            admin().body(Map.of("cpuUsageAbove", cpu)).put(path).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("ALARM_THRESHOLD_INVALID"))
                    .body("parameters.threshold", equalTo("cpuUsageAbove"));
        }
        admin().body(Map.of("memoryFreeBelow", -1)).put(path).then().statusCode(400)
                .body("code", equalTo("ALARM_THRESHOLD_INVALID")).body("parameters.threshold", equalTo("memoryFreeBelow"));
        admin().body(Map.of("memoryFreeBelow", 1L << 51)).put(path).then().statusCode(400)
                .body("code", equalTo("ALARM_THRESHOLD_INVALID"));
        admin().body("{\"cpuUsageAbove\": \"high\"}").put(path).then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        admin().body("{\"cpuUsage\": 0.5}").put(path).then().statusCode(400);
        admin().body(Map.of("cpuUsageAbove", 0.5)).put("/api/v1/metrics/vms/" + UUID.randomUUID() + "/alarms")
                .then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
        admin().get("/api/v1/metrics/hosts/" + vm + "/alarms").then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
        admin().get("/api/v1/metrics/vms/nope/alarms").then().statusCode(400).body("code", equalTo("UUID_INVALID"));
        admin().get(path).then().statusCode(200).body("overrides.cpuUsageAbove", nullValue());
    }
}
