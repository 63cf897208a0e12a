package org.xenplane.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xenplane.core.message.Messages;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Every service's own metrics at {@code /q/metrics}: task duration by operation, event delivery
 * lag, the database pool (Agroal) and API latency by endpoint (Quarkus' HTTP server metrics).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CoreMetricsTest {

    @Inject
    Messages messages;

    @Test
    void tasksEventsTheDatabasePoolAndApiLatencyAreExposed() {
        String token = asAdmin().get("/api/v1/events").then().statusCode(200).extract().path("token");
        UUID message = QuarkusTransaction.requiringNew().call(() ->
                messages.post("CORE_METRICS_TEST", 5, "probe", UUID.randomUUID(), "metrics")).id();
        double tasksBefore = find(scrape(), "xenplane_task_duration_seconds_count",
                "operation=\"message.destroy\",status=\"success\"").orElse(0.0);
        asAdmin().delete("/api/v1/messages/" + message).then().statusCode(204);
        asAdmin().get("/api/v1/events?from=" + token).then().statusCode(200);

        String metrics = scrape();

        assertThat(value(metrics, "xenplane_task_duration_seconds_count", "operation=\"message.destroy\",status=\"success\""))
                .isEqualTo(tasksBefore + 1);
        assertThat(value(metrics, "xenplane_task_duration_seconds_sum", "operation=\"message.destroy\",status=\"success\""))
                .isPositive();
        assertThat(value(metrics, "xenplane_event_delivery_lag_seconds_count", "transport=\"long-poll\"")).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "agroal_max_used_count", "datasource=\"default\"")).isPositive();
        assertThat(metrics).contains("agroal_active_count{");
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/api/v1/messages/{id}\"")).isGreaterThanOrEqualTo(1);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
    private static Optional<Double> find(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find}, failing when there is no such sample. */
    private static double value(String metrics, String name, String labels) {
        return find(metrics, name, labels).orElseThrow(() -> new AssertionError("no " + name + "{" + labels + "} in /q/metrics:\n" + metrics.lines()
                .filter(l -> l.startsWith(name)).toList()));
    }
}
