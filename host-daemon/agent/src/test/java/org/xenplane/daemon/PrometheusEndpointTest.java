package org.xenplane.daemon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.MetricsReport;

/** The daemon's samples reach Prometheus ({@code /metrics}, bearer token) and the control plane (pushed reports). */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class PrometheusEndpointTest {
    @InjectFakeControlPlane
    FakeControlPlane controlPlane;

    @Test
    void metricsWithoutTheTokenAreRefused() {
        given().get("/metrics").then().statusCode(401);
        given().auth().oauth2("wrong").get("/metrics").then().statusCode(401);
    }

    @Test
    void metricsWithTheTokenShowEachHostInPrometheusFormat() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(FakeControlPlaneResource.METRICS_TOKEN)
                .get("/metrics").then().statusCode(200)
                .header("Content-Type", containsString("text/plain; version=0.0.4"))
                .body(containsString("xenplane_host_cpu_average_usage_ratio{host=\"sim-host-1\"}"))
                .body(containsString("xenplane_host_memory_free_bytes{host=\"sim-host-2\"}")));
    }

    @Test
    void joinedHostsPushTheirSamplesWithHostDataSources() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(controlPlane.metricsReports())
                .extracting(MetricsReport::host)
                .anySatisfy(host -> assertThat(host).containsKeys("cpu0", "cpu_avg", "memory_total_kib", "memory_free_kib")));
    }
}
