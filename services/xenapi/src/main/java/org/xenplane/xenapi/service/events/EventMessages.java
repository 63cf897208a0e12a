package org.xenplane.xenapi.service.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.xenplane.xenapi.service.ClassReader;
import org.xenplane.xenapi.service.ClassReaders;
import org.xenplane.xenapi.service.Message;
import org.xenplane.xenapi.service.Session;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * XenAPI's {@code event} class over Xenplane's event store, all authorized by {@code event.read}
 * (the REST event stream's own declaration): {@code event.from}, {@code event.get_current_id},
 * {@code event.inject}, and the older {@code event.register} / {@code event.next} /
 * {@code event.unregister} ({@link Registrations}).
 */
@ApplicationScoped
public class EventMessages implements Message.Source {
    static final String READ = "event.read";
    private static final double MAX_TIMEOUT_SECONDS = 86400; // XAPI's own default wait when given none
    private static final Duration NEXT_WAIT = Duration.ofSeconds(60);

    private final EventFeed feed;
    private final ClassReaders readers;
    private final Registrations registrations = new Registrations();

    public EventMessages(EventFeed feed, ClassReaders readers) {
        this.feed = feed;
        this.readers = readers;
    }

    @Override
    public List<Message> messages() {
        return List.of(
                new Message("event.from", List.of("classes", "token", "timeout"), READ, (s, a) -> from(s, a.get(0), a.get(1), a.get(2))),
                new Message("event.get_current_id", List.of(), READ, (s, a) -> feed.currentId(s)),
                new Message("event.inject", List.of("class", "ref"), READ, (s, a) -> inject(s, a.get(0), a.get(1))),
                new Message("event.register", List.of("classes"), READ, (s, a) -> {
                    registrations.register(s, Subscriptions.parse(a.get(0)), () -> feed.currentId(s));
                    return "";
                }),
                new Message("event.unregister", List.of("classes"), READ, (s, a) -> {
                    registrations.unregister(s, Subscriptions.parse(a.get(0)));
                    return "";
                }),
                new Message("event.next", List.of(), READ, (s, a) -> next(s)));
    }

    private Map<String, Object> from(Session s, Object classes, Object token, Object timeout) {
        Subscriptions subs = Subscriptions.parse(classes);
        OptionalLong after = EventToken.parse(token);
        Duration wait = timeout(timeout);
        Map<String, Object> counts = new LinkedHashMap<>();
        EventFeed.Batch batch = after.isPresent() ? feed.after(s, subs, after.getAsLong(), wait)
                : feed.everything(s, subs, feed.currentId(s), counts);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", batch.events());
        answer.put("valid_ref_counts", counts);
        answer.put("token", EventToken.of(batch.token()));
        return answer;
    }

    /** Xenplane writes no artificial event: the token is the current one, and the object must exist (HANDLE_INVALID). */
    private String inject(Session s, Object xenClass, Object ref) {
        ClassReader reader = readers.find(String.valueOf(xenClass))
                .orElseThrow(() -> new XenApiFailure("HANDLE_INVALID", xenClass, ref));
        long current = feed.currentId(s);
        reader.get(s, ref);
        return EventToken.of(current);
    }

    private List<Map<String, Object>> next(Session s) {
        Registrations.Registration r = registrations.of(s);
        EventFeed.Batch batch = feed.after(s, r.subs(), r.token(), NEXT_WAIT);
        registrations.advance(s, r, batch.token());
        return batch.events();
    }

    static Duration timeout(Object timeout) {
        double seconds;
        if (timeout instanceof Number n) {
            seconds = n.doubleValue();
        } else {
            throw new XenApiFailure("FIELD_TYPE_ERROR", "timeout");
        }
        if (!(seconds >= 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
            throw new XenApiFailure("VALUE_NOT_SUPPORTED", "timeout", timeout, "must be 0.." + (long) MAX_TIMEOUT_SECONDS + " seconds");
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
