package org.xenplane.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.xenplane.core.CoreApi.ADMIN_TOKEN;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EventResourceTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventStore store;

    @Test
    void eventsAfterATokenComeInOrderWithTheNextToken() {
        String token = now();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        touch(a);
        touch(b);
        touch(a);

        JsonPath batch = events(token, "probe", 0);
        List<Long> ids = batch.getList("events.id", Long.class);
        assertThat(batch.getList("events.ref", String.class)).containsExactly(a.toString(), b.toString(), a.toString());
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(batch.getString("events[0].class")).isEqualTo("probe");
        assertThat(batch.getString("events[0].operation")).isEqualTo("mod");
        assertThat(Long.parseLong(batch.getString("token"))).isGreaterThanOrEqualTo(ids.get(2));
        assertThat(events(batch.getString("token"), "probe", 0).getList("events")).isEmpty();
    }

    @Test
    void aLongPollBlocksUntilAChangeCommits() {
        String token = now();
        UUID id = UUID.randomUUID();
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> events(token, "probe", 60));
        touch(id);
        JsonPath batch = poll.join();
        assertThat(batch.getList("events.ref", String.class)).contains(id.toString());
    }

    @Test
    void classesFilterTheStreamAndUnknownClassesAreRefused() {
        String token = now();
        touch(UUID.randomUUID());
        asAdmin().get("/api/v1/events?from=" + token + "&classes=task").then().statusCode(200)
                .body("events", hasSize(0));
        asAdmin().get("/api/v1/events?from=" + token + "&classes=martian").then().statusCode(400)
                .body("code", equalTo("EVENT_CLASS_UNKNOWN"));
        asAdmin().get("/api/v1/events?from=abc").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        asAdmin().get("/api/v1/events?from=0&timeout=100000").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void aTokenOlderThanTheKeptEventsGetsEventsLost() {
        String old = now();
        touch(UUID.randomUUID());
        touch(UUID.randomUUID());
        store.prune(0, 0);
        asAdmin().get("/api/v1/events?from=" + old).then().statusCode(410)
                .contentType("application/problem+json").body("code", equalTo("EVENTS_LOST"));
        asAdmin().get("/api/v1/events?from=99999999999").then().statusCode(410).body("code", equalTo("EVENTS_LOST"));
        asAdmin().get("/api/v1/events?from=" + now()).then().statusCode(200);
    }

    @Test
    void concurrentWritersNeverMakeAFollowingReaderSkipAnEvent() {
        String start = now();
        List<UUID> written = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> written.add(UUID.randomUUID()));
        CompletableFuture<Void> writers = CompletableFuture.allOf(written.stream()
                .map(id -> CompletableFuture.runAsync(() -> touch(id))).toArray(CompletableFuture[]::new));

        List<String> seen = new ArrayList<>();
        String token = start;
        while (!(writers.isDone() && seen.size() >= written.size())) {
            JsonPath batch = events(token, "probe", 1);
            seen.addAll(batch.getList("events.ref", String.class));
            token = batch.getString("token");
            if (writers.isDone() && batch.getList("events").isEmpty()) {
                break;
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(written.stream().map(UUID::toString).toList());
    }

    @Test
    void serverSentEventsResumeFromLastEventId() throws Exception {
        String token = now();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        touch(first);
        touch(second);

        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/events?classes=probe"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Last-Event-ID", token).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> data = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (data.size() < 2 && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    data.add(line);
                }
                if (!line.isEmpty() && !line.startsWith(":")) {
                    fields.add(line.substring(0, line.indexOf(':')));
                }
            }
        }
        assertThat(data.get(0)).contains(first.toString());
        assertThat(data.get(1)).contains(second.toString());
        assertThat(fields).as("only the fields the SSE standard defines").isSubsetOf("id", "event", "data", "retry");
    }

    private static String now() {
        return asAdmin().get("/api/v1/events").then().statusCode(200).body("events", hasSize(0))
                .extract().path("token");
    }

    private static void touch(UUID id) {
        asAdmin().post("/api/v1/probes/" + id + "/touch").then().statusCode(204);
    }

    private static JsonPath events(String token, String classes, int timeout) {
        return asAdmin().get("/api/v1/events?from=" + token + "&classes=" + classes + "&timeout=" + timeout)
                .then().statusCode(200).extract().jsonPath();
    }
}
