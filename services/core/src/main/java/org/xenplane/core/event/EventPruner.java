package org.xenplane.core.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.xenplane.core.config.CoreConfig;

/** Keeps the outbox bounded: events older than the retention age or beyond the retained count go. */
@ApplicationScoped
public class EventPruner {
    private static final Logger LOG = Logger.getLogger(EventPruner.class);

    private final EventStore store;
    private final Duration maxAge;
    private final long maxCount;

    public EventPruner(EventStore store, CoreConfig.Events config) {
        this.store = store;
        this.maxAge = config.retention().maxAge();
        this.maxCount = config.retention().maxCount();
    }

    @Scheduled(every = "${xenplane.events.retention.interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int deleted = store.prune(maxAge.toSeconds(), maxCount);
        if (deleted > 0) {
            LOG.debugf("Pruned %d events", deleted);
        }
    }
}
