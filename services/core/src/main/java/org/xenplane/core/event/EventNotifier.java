package org.xenplane.core.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes readers waiting for new events. One thread per process holds a connection that
 * {@code LISTEN}s on the events channel; every committed change on any replica notifies it.
 * Waiters compare a generation counter, so a notification that arrives between their read
 * and their wait is never missed.
 */
@ApplicationScoped
public class EventNotifier {
    private static final Logger LOG = Logger.getLogger(EventNotifier.class);
    private static final int POLL_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private final Object monitor = new Object();
    private long generation;
    private volatile boolean running;
    private Thread listener;

    public EventNotifier(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listenLoop, "xenplane-event-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The current generation; pass it to {@link #awaitAfter} after reading. */
    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** Waits until a change newer than {@code seen} is announced, or the time is up. */
    public void awaitAfter(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (monitor) {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void wake() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + EventPublisher.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                wake(); // anything committed while we were not listening is visible now
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Event listener lost its database connection (%s); reconnecting", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
