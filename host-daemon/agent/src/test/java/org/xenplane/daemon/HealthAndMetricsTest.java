package org.xenplane.daemon;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Operators see the daemon through {@code /q/health} and {@code /q/metrics}. */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class HealthAndMetricsTest {

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessShowsEachHostsState() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'pool membership' }.data.'sim-host-1'", equalTo("JOINED"))
                .body("checks.find { it.name == 'pool membership' }.data.'sim-host-2'", equalTo("JOINED")));
    }

    @Test
    void metricsCountHeartbeats() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", "Bearer " + FakeControlPlaneResource.METRICS_TOKEN).get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("xenplane_daemon_heartbeats_total{host=\"sim-host-1\",result=\"ok\"}")));
    }

    /** Quarkus's /q/metrics names hosts too: it takes the same bearer token as /metrics; health stays open. */
    @Test
    void quarkusMetricsNeedTheMetricsToken() {
        given().get("/q/metrics").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"xenplane-metrics\""));
        given().header("Authorization", "Bearer wrong").get("/q/metrics").then().statusCode(401);
        for (String variant : java.util.List.of("/q/metrics/", "/q//metrics", "/q/./metrics", "/q/metrics?x=1")) {
            given().urlEncodingEnabled(false).get(variant).then().statusCode(org.hamcrest.Matchers.oneOf(401, 404))
                    .body(org.hamcrest.Matchers.not(containsString("xenplane_daemon_heartbeats_total")));
        }
        given().get("/q/health/ready").then().statusCode(org.hamcrest.Matchers.not(401));
    }
}
