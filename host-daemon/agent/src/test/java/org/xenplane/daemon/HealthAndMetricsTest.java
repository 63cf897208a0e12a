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
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("xenplane_daemon_heartbeats_total{host=\"sim-host-1\",result=\"ok\"}")));
    }
}
