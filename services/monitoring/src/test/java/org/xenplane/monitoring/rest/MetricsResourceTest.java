package org.xenplane.monitoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Tokens;
import org.xenplane.daemon.protocol.MetricsReport;
import org.xenplane.monitoring.service.ArchiveJanitor;
import org.xenplane.monitoring.service.ArchiveStore;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MetricsResourceTest {
    static final String ADMIN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";

    @Inject
    ArchiveStore store;
    @Inject
    ArchiveJanitor janitor;

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).accept(ContentType.JSON);
    }

    private static String hostCredential(UUID hostId) {
        String secret = Tokens.newSecret(Tokens.HOST_PREFIX);
        QuarkusTransaction.requiringNew().run(() ->
                Credential.create(CallerKind.HOST, hostId.toString(), "host " + hostId, null, secret).persist());
        return secret;
    }

    private static void report(String credential, MetricsReport report) {
        given().auth().oauth2(credential).contentType(ContentType.JSON).body(report)
                .post("/api/v1/metrics/reports").then().statusCode(204);
    }

    /** A step boundary ten minutes ago: the default query range covers what follows it. */
    private static long base() {
        return (Instant.now().getEpochSecond() / 60) * 60 - 540;
    }

    private static MetricsReport sample(UUID host, long t, double hostCpu, UUID vm, double vmCpu) {
        Map<String, Double> h = Map.of("cpu0", hostCpu, "cpu_avg", hostCpu, "memory_free_kib", 4_000_000.0);
        Map<String, Double> v = Map.of("cpu0", vmCpu, "cpu_usage", vmCpu, "memory", 268435456.0,
                "memory_internal_free", 100_000.0);
        return new MetricsReport(host, t, h, vm == null ? List.of() : List.of(new MetricsReport.VmMetrics(vm, v)));
    }

    @Test
    void reportedSamplesAreServedAtFiveSecondsAndAveragedPerMinute() {
        UUID host = UUID.randomUUID();
        UUID vm = UUID.randomUUID();
        String credential = hostCredential(host);
        long t0 = base();
        for (int i = 1; i <= 24; i++) {
            report(credential, sample(host, t0 + 5L * i, 0.5, vm, i / 100.0));
        }
        JsonPath fine = admin().queryParam("ds", "cpu_usage").queryParam("start", t0).queryParam("end", t0 + 120)
                .get("/api/v1/metrics/vms/" + vm).then().statusCode(200).extract().jsonPath();
        assertThat(fine.getInt("resolution")).isEqualTo(5);
        assertThat(fine.getList("times", Long.class)).hasSize(24).startsWith(t0 + 5);
        assertThat(fine.getList("values.cpu_usage", Float.class).get(0)).isEqualTo(0.01f);
        JsonPath minutes = admin().queryParam("ds", "cpu_usage,memory").queryParam("start", t0).queryParam("end", t0 + 120)
                .queryParam("resolution", 60).queryParam("cf", "max")
                .get("/api/v1/metrics/vms/" + vm).then().statusCode(200).extract().jsonPath();
        assertThat(minutes.getList("times", Long.class)).containsExactly(t0 + 60, t0 + 120);
        assertThat(minutes.getList("values.cpu_usage", Float.class)).containsExactly(0.12f, 0.24f);
        assertThat(minutes.getString("consolidation")).isEqualTo("MAX");
    }

    @Test
    void vmArchivesFollowItWhenItMigrates() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID vm = UUID.randomUUID();
        String ca = hostCredential(a);
        String cb = hostCredential(b);
        long t0 = base();
        for (int i = 1; i <= 6; i++) {
            report(ca, sample(a, t0 + 5L * i, 0.1, vm, 0.3));
        }
        report(cb, sample(b, t0 + 5L * 7, 0.1, null, 0));
        for (int i = 8; i <= 12; i++) {
            report(cb, sample(b, t0 + 5L * i, 0.1, vm, 0.6));
        }
        JsonPath series = admin().queryParam("ds", "cpu_usage").queryParam("start", t0).queryParam("end", t0 + 60)
                .get("/api/v1/metrics/vms/" + vm).then().statusCode(200).extract().jsonPath();
        assertThat(series.getList("values.cpu_usage", Float.class))
                .containsExactly(0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, null, 0.6f, 0.6f, 0.6f, 0.6f, 0.6f);
        // the minute row consolidates both hosts' points: 11 of 12 known
        JsonPath minute = admin().queryParam("ds", "cpu_usage").queryParam("start", t0).queryParam("end", t0 + 60)
                .queryParam("resolution", 60).get("/api/v1/metrics/vms/" + vm).then().statusCode(200).extract().jsonPath();
        assertThat(minute.getList("values.cpu_usage", Float.class).get(0)).isCloseTo((6 * 0.3f + 5 * 0.6f) / 11, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(updatesLegend(b, t0)).contains("AVERAGE:vm:" + vm + ":cpu_usage", "AVERAGE:host:" + b + ":cpu_avg");
        assertThat(updatesLegend(a, t0)).noneMatch(c -> c.contains(vm.toString()));
    }

    private static List<String> updatesLegend(UUID host, long t0) {
        return admin().queryParam("start", t0).get("/api/v1/metrics/hosts/" + host + "/updates")
                .then().statusCode(200).extract().jsonPath().getList("legend", String.class);
    }

    @Test
    void archivesSurviveBeingWrittenAndReadBack() {
        UUID host = UUID.randomUUID();
        String credential = hostCredential(host);
        long t0 = base();
        for (int i = 1; i <= 3; i++) {
            report(credential, sample(host, t0 + 5L * i, i / 4.0, null, 0));
        }
        store.flush();
        store.forget(Set.of(host)); // as after a restart: only the database has them
        admin().queryParam("ds", "cpu_avg").queryParam("start", t0).queryParam("end", t0 + 15)
                .get("/api/v1/metrics/hosts/" + host).then().statusCode(200)
                .body("values.cpu_avg", equalTo(List.of(0.25f, 0.5f, 0.75f)));
    }

    @Test
    void archivesAreDeletedWithTheirVm() {
        String vmId = admin().contentType(ContentType.JSON).body(Map.of("template", "6a1f2d3e-0000-4000-8000-000000000001",
                "name", "metrics-vm")).post("/api/v1/vms").then().statusCode(201).extract().path("id");
        UUID vm = UUID.fromString(vmId);
        UUID gone = UUID.randomUUID();
        UUID host = UUID.randomUUID();
        String credential = hostCredential(host);
        report(credential, new MetricsReport(host, base() + 5, Map.of(), List.of(
                new MetricsReport.VmMetrics(vm, Map.of("memory", 1.0)), new MetricsReport.VmMetrics(gone, Map.of("memory", 1.0)))));
        janitor.sweep();
        admin().get("/api/v1/metrics/vms/" + vm).then().statusCode(200);
        admin().get("/api/v1/metrics/vms/" + gone).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
        admin().delete("/api/v1/vms/" + vm).then().statusCode(204);
        janitor.sweep();
        admin().get("/api/v1/metrics/vms/" + vm).then().statusCode(404);
    }

    @Test
    void sustainedHighCpuRaisesOneMessage() {
        UUID host = UUID.randomUUID();
        UUID vm = UUID.randomUUID();
        String credential = hostCredential(host);
        long t0 = base();
        for (int i = 1; i <= 10; i++) {
            report(credential, sample(host, t0 + 5L * i, 0.2, vm, 0.97));
        }
        List<Map<String, Object>> messages = admin().queryParam("class", "vm").queryParam("object", vm.toString())
                .get("/api/v1/messages").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(messages).extracting(m -> m.get("name")).containsExactly("CPU_USAGE_HIGH");
        assertThat(messages.get(0).get("priority")).isEqualTo(3);
        List<Object> hostMessages = admin().queryParam("class", "host").queryParam("object", host.toString())
                .get("/api/v1/messages").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(hostMessages).isEmpty();
    }

    @Test
    void badQueriesAnswer400WithTheirCode() {
        UUID host = UUID.randomUUID();
        report(hostCredential(host), sample(host, base() + 5, 0.5, null, 0));
        String path = "/api/v1/metrics/hosts/" + host;
        admin().queryParam("ds", "no_such_ds").get(path).then().statusCode(400).body("code", equalTo("METRICS_DATA_SOURCE_UNKNOWN"))
                .body("parameters.valid", not(emptyString()))
                .body("detail", containsString("Ask for one of: "));
        admin().queryParam("start", 2000).queryParam("end", 1000).get(path).then().statusCode(400)
                .body("code", equalTo("METRICS_TIME_RANGE_INVALID"));
        admin().queryParam("resolution", 7).get(path).then().statusCode(400).body("code", equalTo("METRICS_RESOLUTION_INVALID"));
        admin().queryParam("resolution", "-99999999999").get(path).then().statusCode(400).body("code", equalTo("METRICS_RESOLUTION_INVALID"));
        admin().queryParam("start", "yesterday").get(path).then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        admin().queryParam("cf", "MEDIAN").get(path).then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        admin().get("/api/v1/metrics/vms/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
    }

    @Test
    void aHostMayReportOnlyItsOwnSamples() {
        UUID host = UUID.randomUUID();
        String credential = hostCredential(host);
        given().auth().oauth2(credential).contentType(ContentType.JSON).body(sample(UUID.randomUUID(), base(), 0.1, null, 0))
                .post("/api/v1/metrics/reports").then().statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(sample(host, base(), 0.1, null, 0))
                .post("/api/v1/metrics/reports").then().statusCode(403);
    }
}
