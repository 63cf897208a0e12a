package org.xenplane.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** The benchmark's client: many concurrent API calls with their latencies, and a follower of task events. */
final class BenchLoad implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final ExecutorService callers;
    private final HttpClient http;

    /** One call's outcome: HTTP status, latency, and the answer's body. */
    record Call(int status, long nanos, JsonNode body) {
    }

    BenchLoad(String baseUrl, String token, int concurrency) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.callers = Executors.newFixedThreadPool(concurrency);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newCachedThreadPool())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Makes {@code count} calls, {@code request.apply(i)} each, as many at once as the concurrency allows. */
    List<Call> run(int count, IntFunction<HttpRequest.Builder> request) throws Exception {
        List<Future<Call>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            calls.add(callers.submit(() -> call(request.apply(n))));
        }
        List<Call> done = new ArrayList<>();
        for (Future<Call> call : calls) {
            done.add(call.get());
        }
        return done;
    }

    HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE();
    }

    Call call(HttpRequest.Builder request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        String body = response.body();
        return new Call(response.statusCode(), nanos, body == null || body.isEmpty() ? null : JSON.readTree(body));
    }

    /** The current event token. */
    String eventToken() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events")).GET()).body().path("token").asText();
    }

    /**
     * Follows task events from {@code token} until every one of {@code tasks} has finished; returns
     * the number that failed. Gives up after {@code limit}.
     */
    int awaitTasks(String token, Set<String> tasks, Duration limit) throws IOException, InterruptedException {
        Set<String> open = Collections.synchronizedSet(new HashSet<>(tasks));
        int failed = 0;
        long deadline = System.nanoTime() + limit.toNanos();
        String from = token;
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(open.size() + " tasks did not finish within " + limit);
            }
            JsonNode batch = call(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events?classes=task&timeout=5&from=" + from))
                    .GET()).body();
            for (JsonNode event : batch.path("events")) {
                String status = event.path("snapshot").path("status").asText();
                String ref = event.path("ref").asText();
                if (open.contains(ref) && (status.equals("success") || status.equals("failure") || status.equals("cancelled"))) {
                    open.remove(ref);
                    failed += status.equals("success") ? 0 : 1;
                }
            }
            from = batch.path("token").asText();
        }
        return failed;
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }
}
