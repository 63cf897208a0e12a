package org.xenplane.xenapi.service.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.xenapi.service.ClassReader;
import org.xenplane.xenapi.service.ClassReaders;
import org.xenplane.xenapi.service.Refs;
import org.xenplane.xenapi.service.RestApi;
import org.xenplane.xenapi.service.Session;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * XAPI's events over Xenplane's event store ({@code GET /api/v1/events}, long poll). As in XAPI's
 * {@code event.from}, one answer has at most one event per object (an object added and changed
 * since the token is one {@code add}), its snapshot is the object's record as {@code get_record}
 * gives it when the answer is made, an object gone before its snapshot could be taken drops its
 * {@code add}/{@code mod}, and an answer with nothing selected goes on waiting until the timeout.
 */
@ApplicationScoped
public class EventFeed {
    private static final long MAX_POLL_SECONDS = 300;

    private final RestApi api;
    private final ClassReaders readers;

    public EventFeed(RestApi api, ClassReaders readers) {
        this.api = api;
        this.readers = readers;
    }

    /** Events selected by {@code subs} after {@code token}, and the token to pass next. */
    public record Batch(List<Map<String, Object>> events, long token) {
    }

    public long currentId(Session s) {
        return Long.parseLong(api.get(s.token(), "/api/v1/events").path("token").asText());
    }

    /** Waits up to {@code wait} for events selected by {@code subs} after {@code token}. */
    public Batch after(Session s, Subscriptions subs, long token, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        String classes = subs.restClasses(readers);
        while (true) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            long seconds = Math.min(MAX_POLL_SECONDS, (left + 999) / 1000);
            JsonNode batch = api.getWaiting(s.token(), "/api/v1/events?from=" + token + "&classes=" + classes
                    + "&timeout=" + seconds, Duration.ofSeconds(seconds));
            token = Long.parseLong(batch.path("token").asText());
            List<Map<String, Object>> events = xapiEvents(s, subs, batch.path("events"));
            if (!events.isEmpty() || !Instant.now().isBefore(deadline)) {
                return new Batch(events, token);
            }
        }
    }

    /** Every object {@code subs} selects as an {@code add} event (XAPI's answer to the empty token), with the counts per class. */
    public Batch everything(Session s, Subscriptions subs, long token, Map<String, Object> counts) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (ClassReader reader : subs.classes(readers)) {
            String lc = Subscriptions.lc(reader);
            List<JsonNode> views = reader.list(s);
            counts.put(lc, views.size());
            for (JsonNode view : views) {
                String ref = reader.ref(view);
                if (subs.matches(lc, ref)) {
                    events.add(event(token, Instant.now(), lc, "add", ref, reader.xenClass().record(view)));
                }
            }
        }
        return new Batch(events, token);
    }

    private List<Map<String, Object>> xapiEvents(Session s, Subscriptions subs, JsonNode restEvents) {
        Map<String, JsonNode> last = new LinkedHashMap<>();
        Map<String, Boolean> added = new LinkedHashMap<>();
        for (JsonNode e : restEvents) {
            String key = e.path("class").asText() + "/" + e.path("ref").asText();
            added.merge(key, e.path("operation").asText().equals("add"), Boolean::logicalOr);
            last.remove(key);
            last.put(key, e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        last.forEach((key, e) -> toXapi(s, subs, e, added.get(key)).ifPresent(out::add));
        return out;
    }

    private Optional<Map<String, Object>> toXapi(Session s, Subscriptions subs, JsonNode e, boolean added) {
        Optional<ClassReader> reader = readers.find(e.path("class").asText());
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        String lc = Subscriptions.lc(reader.get());
        String ref = Refs.of(reader.get().xenClass().name(), UUID.fromString(e.path("ref").asText()));
        if (!subs.matches(lc, ref)) {
            return Optional.empty();
        }
        Instant at = Instant.parse(e.path("timestamp").asText());
        long id = e.path("id").asLong();
        if (e.path("operation").asText().equals("del")) {
            return Optional.of(event(id, at, lc, "del", ref, null));
        }
        try {
            JsonNode view = reader.get().get(s, ref);
            return Optional.of(event(id, at, lc, added ? "add" : "mod", ref, reader.get().xenClass().record(view)));
        } catch (XenApiFailure gone) {
            if (!gone.description().get(0).equals("HANDLE_INVALID")) {
                throw gone;
            }
            return Optional.empty(); // deleted since: its del event follows
        }
    }

    private static Map<String, Object> event(long id, Instant at, String lc, String op, String ref, Map<String, Object> snapshot) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Long.toString(id));
        event.put("timestamp", String.format("%d.%06d", at.getEpochSecond(), at.getNano() / 1000));
        event.put("class", lc);
        event.put("operation", op);
        event.put("ref", ref);
        if (snapshot != null) {
            event.put("snapshot", snapshot);
        }
        return event;
    }
}
