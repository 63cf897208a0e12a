package org.xenplane.core.schema;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.xenplane.core.config.CoreConfig;

/**
 * A replica that does not migrate ({@code quarkus.flyway.migrate-at-start=false}, as the Helm chart
 * runs every service) waits at start-up until the database has every migration it carries, applied
 * by someone else (the chart's migration Job). It waits before anything else starts (the scheduler
 * starts at priority 0), and gives up after {@code xenplane.schema.wait-timeout} (env
 * {@code XENPLANE_SCHEMA_WAIT_TIMEOUT}): start-up then fails and the orchestrator restarts it.
 * With migrate-at-start (the all-in-one server, the default) it does nothing.
 */
@ApplicationScoped
public class SchemaWait {
    private static final Logger LOG = Logger.getLogger(SchemaWait.class);
    private static final Duration POLL = Duration.ofSeconds(3);
    private static final int BEFORE_THE_SCHEDULER = -1000;

    /** Reads Quarkus's own {@code migrate-at-start} as it is: a copy under {@code xenplane.*} could disagree with it. */
    void onStart(@Observes @Priority(BEFORE_THE_SCHEDULER) StartupEvent event, Flyway flyway,
                 @ConfigProperty(name = "quarkus.flyway.migrate-at-start") boolean migrateAtStart,
                 CoreConfig.Schema config)
            throws InterruptedException {
        if (!migrateAtStart) {
            awaitMigrations(flyway, config.waitTimeout(), POLL);
        }
    }

    /**
     * Returns once no migration of {@code flyway}'s locations is pending in its database.
     *
     * @throws IllegalStateException naming the pending migrations when {@code timeout} passes first
     */
    public static void awaitMigrations(Flyway flyway, Duration timeout, Duration poll) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String lastProblem = null;
        boolean announced = false;
        while (true) {
            List<String> pending;
            try {
                pending = pending(flyway);
                lastProblem = null;
            } catch (RuntimeException e) {
                pending = null;
                if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                    LOG.warnf("Cannot read the database schema's migrations yet: %s", e.getMessage());
                }
                lastProblem = String.valueOf(e.getMessage());
            }
            if (pending != null && pending.isEmpty()) {
                if (announced) {
                    LOG.info("The database schema has every migration of this service; starting");
                }
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The database schema still lacks migrations after " + timeout
                        + (pending == null ? " (the database could not be read: " + lastProblem + ")" : ": " + pending)
                        + ". This replica does not migrate (quarkus.flyway.migrate-at-start=false): run the migrations"
                        + " (the Helm chart's migration Job) or start it with migrate-at-start=true.");
            }
            if (pending != null && !announced) {
                LOG.infof("Waiting up to %s for the migration Job: %d migration(s) not applied yet %s",
                        timeout, pending.size(), pending);
                announced = true;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private static List<String> pending(Flyway flyway) {
        return Arrays.stream(flyway.info().pending())
                .map(m -> m.getVersion() + " " + m.getDescription())
                .toList();
    }
}
