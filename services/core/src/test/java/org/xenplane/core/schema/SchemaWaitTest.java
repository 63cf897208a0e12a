package org.xenplane.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/** A replica that does not migrate waits for the schema, on a real PostgreSQL with core's real migrations. */
class SchemaWaitTest {
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void returnsAtOnceWhenEveryMigrationIsApplied() throws Exception {
        Flyway flyway = flywayOnNewDatabase();
        flyway.migrate();

        long started = System.nanoTime();
        SchemaWait.awaitMigrations(flyway, Duration.ofSeconds(5), POLL);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void waitsUntilAnotherProcessAppliesTheMigrations() throws Exception {
        Flyway replica = flywayOnNewDatabase();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                SchemaWait.awaitMigrations(replica, Duration.ofSeconds(60), POLL);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());

        Flyway.configure().dataSource(replica.getConfiguration().getDataSource()).load().migrate();

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(replica.info().pending()).isEmpty();
    }

    @Test
    void givesUpNamingTheMissingMigrationsAfterTheTimeout() {
        Flyway flyway = flywayOnNewDatabase();

        assertThatThrownBy(() -> SchemaWait.awaitMigrations(flyway, Duration.ofMillis(300), POLL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2026.11.26.0001 core")
                .hasMessageContaining("migrate-at-start=false");
        assertThat(flyway.info().applied()).isEmpty();
    }

    @Test
    void givesUpNamingTheProblemWhenTheDatabaseCannotBeRead() {
        Flyway unreachable = Flyway.configure()
                .dataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "postgres", "postgres").load();

        assertThatThrownBy(() -> SchemaWait.awaitMigrations(unreachable, Duration.ofMillis(300), POLL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the database could not be read");
    }

    private static Flyway flywayOnNewDatabase() {
        String name = "schema_wait_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = EmbeddedPostgresResource.server().getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = EmbeddedPostgresResource.server().getJdbcUrl("postgres", name);
        return Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load();
    }
}
