package org.xenplane.daemon.driver.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The time in which simulated guests act and events are delivered: a small shared timer, so
 * that a thousand simulated hosts do not need a thousand threads. Events reach listeners on it,
 * never on the thread that caused them, as libxl's do.
 */
final class GuestClock {
    private static final Logger LOG = Logger.getLogger(GuestClock.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "xenplane-sim-guest-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private GuestClock() {
    }

    static void later(Duration delay, Runnable action) {
        TIMER.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("A simulated guest action failed", e);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
