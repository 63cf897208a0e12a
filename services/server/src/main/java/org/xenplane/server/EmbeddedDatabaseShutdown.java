package org.xenplane.server;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Stops the embedded PostgreSQL after every other part of the application has seen the
 * shutdown (so nothing loses its database mid-stop), or when Quarkus never started.
 */
@ApplicationScoped
public class EmbeddedDatabaseShutdown {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseShutdown.class);
    private static final int LAST = 100_000;
    private static final AtomicReference<EmbeddedDatabase> RUNNING = new AtomicReference<>();

    static void stopAfterQuarkus(EmbeddedDatabase database) {
        RUNNING.set(database);
    }

    static void stopNow() {
        EmbeddedDatabase database = RUNNING.getAndSet(null);
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (Exception e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    void onStop(@Observes @Priority(LAST) ShutdownEvent event) {
        stopNow();
    }
}
