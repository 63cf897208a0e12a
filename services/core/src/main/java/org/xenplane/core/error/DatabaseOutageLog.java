package org.xenplane.core.error;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Logs the requests answered {@code DATABASE_UNAVAILABLE} without flooding the log during an
 * outage: the first one at once, then at most one line per interval with the count since the last.
 */
final class DatabaseOutageLog {
    private static final Logger LOG = Logger.getLogger(DatabaseOutageLog.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    void answered(Throwable outage) {
        long count = unlogged.incrementAndGet();
        long last = lastLogged.get();
        long now = System.nanoTime();
        if (now - last < INTERVAL_NANOS || !lastLogged.compareAndSet(last, now)) {
            return;
        }
        unlogged.addAndGet(-count);
        LOG.warnf("The database cannot be reached: %d request(s) answered 503 DATABASE_UNAVAILABLE (%s: %s)",
                count, outage.getClass().getName(), outage.getMessage());
    }
}
