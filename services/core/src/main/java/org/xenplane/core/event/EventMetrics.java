package org.xenplane.core.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code xenplane_event_delivery_lag_seconds{transport}}: for each event handed to a client, the
 * time from its commit to its delivery (long poll or SSE). A client that resumes from an old token
 * is handed old events: their lag is real, the time that client waited for them.
 */
@ApplicationScoped
public class EventMetrics {
    static final String LAG = "xenplane.event.delivery.lag";

    private final Timer longPoll;
    private final Timer sse;

    public EventMetrics(MeterRegistry registry) {
        this.longPoll = timer(registry, "long-poll");
        this.sse = timer(registry, "sse");
    }

    private static Timer timer(MeterRegistry registry, String transport) {
        return Timer.builder(LAG).description("Time from an event's commit to its delivery to a client")
                .tag("transport", transport).register(registry);
    }

    void deliveredByLongPoll(List<EventView> events) {
        record(longPoll, events);
    }

    void deliveredBySse(EventView event) {
        record(sse, List.of(event));
    }

    private static void record(Timer timer, List<EventView> events) {
        Instant now = Instant.now();
        for (EventView e : events) {
            if (e.timestamp() != null) {
                Duration lag = Duration.between(e.timestamp(), now);
                timer.record(lag.isNegative() ? Duration.ZERO : lag);
            }
        }
    }
}
