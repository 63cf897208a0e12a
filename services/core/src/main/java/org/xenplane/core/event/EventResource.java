package org.xenplane.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.Authorized;

/** {@code GET /api/v1/events}: XenAPI's {@code event.from}, as long-poll JSON or as Server-Sent Events. */
@Path("/api/v1/events")
@Tag(name = "events")
public class EventResource {
    private static final int MAX_TIMEOUT_SECONDS = 300;
    private static final int BATCH = 1000;
    private static final Duration SSE_KEEPALIVE = Duration.ofSeconds(15);

    private final EventStore store;
    private final EventNotifier notifier;
    private final EventClasses eventClasses;
    private final ObjectMapper json;
    private final EventMetrics metrics;

    public EventResource(EventStore store, EventNotifier notifier, EventClasses eventClasses, ObjectMapper json,
                         EventMetrics metrics) {
        this.store = store;
        this.notifier = notifier;
        this.eventClasses = eventClasses;
        this.json = json;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authorized("event.read")
    @Operation(summary = "Events after a token",
            description = "Returns the events after `from` and the token to pass next. Without `from`, returns no events and"
                    + " the current token. Blocks up to `timeout` seconds while there are none.")
    @APIResponse(responseCode = "200", description = "Events and the next token")
    public EventBatch from(@QueryParam("from") String from, @QueryParam("classes") String classes,
                           @QueryParam("timeout") Integer timeout) throws InterruptedException {
        List<String> wanted = eventClasses.parse(classes);
        int waitSeconds = timeout(timeout);
        if (from == null || from.isBlank()) {
            return new EventBatch(List.of(), Long.toString(store.latestId()));
        }
        long token = token("from", from);
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        while (true) {
            long generation = notifier.generation();
            EventBatch batch = store.readAfter(token, wanted, BATCH);
            long left = deadline - System.nanoTime();
            if (!batch.events().isEmpty() || left <= 0) {
                metrics.deliveredByLongPoll(batch.events());
                return batch;
            }
            token = Long.parseLong(batch.token());
            notifier.awaitAfter(generation, Duration.ofNanos(left));
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Authorized("event.read")
    @Operation(summary = "Event stream", description = "The same events as Server-Sent Events; each event's id is its"
            + " token, so a client resumes with `Last-Event-ID`. Without either, the stream starts now.")
    @APIResponse(responseCode = "200", description = "A stream of events")
    public void stream(@QueryParam("from") String from, @QueryParam("classes") String classes,
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) throws InterruptedException {
        List<String> wanted = eventClasses.parse(classes);
        String start = lastEventId != null && !lastEventId.isBlank() ? lastEventId : from;
        long token = start == null || start.isBlank() ? store.latestId() : token("Last-Event-ID", start);
        try (sink) {
            while (!sink.isClosed()) {
                long generation = notifier.generation();
                EventBatch batch = store.readAfter(token, wanted, BATCH);
                for (EventView event : batch.events()) {
                    // data is JSON already: no mediaType, else RESTEasy writes a non-standard "content-type:" field per event
                    sink.send(sse.newEventBuilder().id(Long.toString(event.id())).name(event.objectClass())
                            .data(writeJson(event)).build())
                            .toCompletableFuture().join();
                    metrics.deliveredBySse(event);
                }
                token = Long.parseLong(batch.token());
                if (batch.events().isEmpty()) {
                    notifier.awaitAfter(generation, SSE_KEEPALIVE);
                    if (notifier.generation() == generation) {
                        sink.send(sse.newEventBuilder().comment("keepalive").build()).toCompletableFuture().join();
                    }
                }
            }
        } catch (java.util.concurrent.CompletionException closed) {
            // the client went away
        }
    }

    private String writeJson(EventView event) {
        try {
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int timeout(Integer timeout) {
        if (timeout == null) {
            return 0;
        }
        if (timeout < 0 || timeout > MAX_TIMEOUT_SECONDS) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "timeout", "must be 0.." + MAX_TIMEOUT_SECONDS);
        }
        return timeout;
    }

    private static long token(String name, String value) {
        try {
            long token = Long.parseLong(value.trim());
            if (token < 0) {
                throw new NumberFormatException();
            }
            return token;
        } catch (NumberFormatException e) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, name, "not an event token");
        }
    }
}
