package org.xenplane.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xenplane.core.probe.ProbeResource;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TaskResourceTest {

    @Test
    void aRepeatedIdempotencyKeyReturnsTheOriginalTaskAndRunsTheWorkOnce() {
        String name = "idem-" + UUID.randomUUID();
        String first = start(name, "key-" + name).then().statusCode(202).extract().path("id");
        String second = start(name, "key-" + name).then().statusCode(202).extract().path("id");
        release(name);
        waitFor(first).then().body("status", equalTo("success"));

        assertThat(second).isEqualTo(first);
        assertThat(ProbeResource.runs(name)).isEqualTo(1);
        String third = start(name, "key-" + name).then().statusCode(202).extract().path("id");
        assertThat(third).isEqualTo(first);
        assertThat(ProbeResource.runs(name)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneTask() throws Exception {
        String name = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            start(name, "race-key-" + name).then().statusCode(202).extract().<String>path("id"), pool))
                    .toList();
            Set<String> ids = calls.stream().map(CompletableFuture::join).collect(Collectors.toSet());
            release(name);
            assertThat(ids).hasSize(1);
            waitFor(ids.iterator().next()).then().body("status", equalTo("success"));
            assertThat(ProbeResource.runs(name)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyReusedForAnotherOperationIsRefused() {
        String name = "reuse-" + UUID.randomUUID();
        start(name, "reused-" + name).then().statusCode(202);
        asAdmin().header("Idempotency-Key", "reused-" + name).post("/api/v1/probes/" + name + "/other")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        release(name);
    }

    @Test
    void aLongPollWakesWhenTheTaskFinishes() {
        String name = "poll-" + UUID.randomUUID();
        String id = start(name, null).then().statusCode(202).body("status", equalTo("pending")).extract().path("id");
        long started = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> waitFor(id, 60));
        release(name);
        Response finished = poll.join();

        finished.then().statusCode(200).body("status", equalTo("success")).body("progress", equalTo(1.0f))
                .body("result.objectClass", equalTo("probe"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aCancelledTaskEndsCancelled() {
        String name = "cancel-" + UUID.randomUUID();
        String id = start(name, null).then().statusCode(202).extract().path("id");
        asAdmin().post("/api/v1/tasks/" + id + "/cancel").then().statusCode(202);
        waitFor(id).then().body("status", equalTo("cancelled"));
        asAdmin().post("/api/v1/tasks/" + id + "/cancel").then().statusCode(409)
                .body("code", equalTo("TASK_ALREADY_FINISHED"));
    }

    @Test
    void badTaskRequestsGetProblems() {
        asAdmin().get("/api/v1/tasks/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
        asAdmin().get("/api/v1/tasks/not-a-uuid").then().statusCode(400).body("code", equalTo("UUID_INVALID"));
        asAdmin().get("/api/v1/tasks/" + UUID.randomUUID() + "?wait=-1").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        asAdmin().get("/api/v1/tasks?status=sleeping").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        asAdmin().header("Idempotency-Key", "has spaces").post("/api/v1/probes/x/run").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void tasksAreListedNewestFirst() {
        String name = "list-" + UUID.randomUUID();
        String id = start(name, null).then().statusCode(202).extract().path("id");
        release(name);
        waitFor(id);
        asAdmin().get("/api/v1/tasks?limit=1").then().statusCode(200).body("[0].id", equalTo(id));
    }

    private static Response start(String name, String key) {
        var request = asAdmin();
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/probes/" + name + "/run");
    }

    private static void release(String name) {
        asAdmin().post("/api/v1/probes/" + name + "/release").then().statusCode(204);
    }

    private static Response waitFor(String id) {
        return waitFor(id, 30);
    }

    private static Response waitFor(String id, int seconds) {
        return asAdmin().get("/api/v1/tasks/" + id + "?wait=" + seconds);
    }
}
