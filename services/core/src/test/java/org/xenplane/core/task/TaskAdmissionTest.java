package org.xenplane.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.probe.ProbeResource;
import org.xenplane.testing.EmbeddedPostgresResource;

/** Long operations with an admission step, in the transaction that creates their task. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TaskAdmissionTest {

    @Test
    void aRefusedAdmissionIsTheAnswerAndAReplayRepeatsIt() {
        String name = "refuse-" + UUID.randomUUID();
        String key = "key-" + name;
        asAdmin().header("Idempotency-Key", key).post("/api/v1/probes/" + name + "/admit?refuse=true").then()
                .statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
        asAdmin().header("Idempotency-Key", key).post("/api/v1/probes/" + name + "/admit?refuse=true").then()
                .statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
        assertThat(ProbeResource.runs(name)).isEqualTo(1);
    }

    @Test
    void anAdmissionThatAsksToBeRetriedRunsAgainUntilItHolds() {
        String name = "retry-" + UUID.randomUUID();
        String id = asAdmin().post("/api/v1/probes/" + name + "/admit?retries=3").then().statusCode(202)
                .extract().path("id");
        assertThat(ProbeResource.runs(name)).isEqualTo(4);
        assertThat(finished(id).getString("status")).isEqualTo("success");
    }

    @Test
    void workThatFinishesItsTaskInItsOwnTransactionIsNotFinishedTwice() {
        String token = asAdmin().get("/api/v1/events").then().extract().path("token").toString();
        String id = asAdmin().post("/api/v1/probes/own-" + UUID.randomUUID() + "/admit").then().statusCode(202)
                .extract().path("id");
        assertThat(finished(id).getString("status")).isEqualTo("success");

        List<String> statuses = asAdmin().get("/api/v1/events?classes=task&timeout=1&from=" + token).then()
                .extract().jsonPath().getList("events.findAll { it.ref == '" + id + "' }.snapshot.status");
        assertThat(statuses).containsExactly("pending", "success");
    }

    private static JsonPath finished(String id) {
        return asAdmin().get("/api/v1/tasks/" + id + "?wait=30").then().statusCode(200).extract().jsonPath();
    }
}
