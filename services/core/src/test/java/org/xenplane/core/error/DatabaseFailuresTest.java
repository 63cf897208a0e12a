package org.xenplane.core.error;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Which failures are a database outage (503 DATABASE_UNAVAILABLE) and which stay bugs (500), on
 * the exceptions that the real driver, the real pool and a real PostgreSQL throw.
 */
class DatabaseFailuresTest {

    @Test
    void aRefusedConnectionIsAnOutage() throws Exception {
        Throwable refused = catchThrowable(() -> DriverManager.getConnection(closedPortUrl(), "postgres", "x"));

        assertThat(DatabaseFailures.isUnavailable(refused)).as("%s", refused).isTrue();
    }

    @Test
    void thePoolGivingNoConnectionInTimeIsAnOutageAndSoIsItsRefusedAttempt() throws Exception {
        try (AgroalDataSource pool = pool(closedPortUrl(), Duration.ofMillis(500))) {
            Throwable noConnection = catchThrowable(pool::getConnection);

            assertThat(DatabaseFailures.isUnavailable(noConnection)).as("%s", noConnection).isTrue();
        }
    }

    @Test
    void aPoolWithEveryConnectionBusyTimesOutAsAnOutage() throws Exception {
        try (AgroalDataSource pool = pool(EmbeddedPostgresResource.jdbcUrl(), Duration.ofMillis(300));
             Connection busy = pool.getConnection()) {
            Throwable timeout = catchThrowable(pool::getConnection);

            assertThat(timeout).hasMessageContaining("acquisition timeout");
            assertThat(DatabaseFailures.isUnavailable(timeout)).isTrue();
        }
    }

    @Test
    void aConnectionTerminatedByTheServerIsAnOutageEvenWhenWrapped() throws Exception {
        try (Connection victim = DriverManager.getConnection(embeddedUrl(), "postgres", "postgres");
             Connection admin = DriverManager.getConnection(embeddedUrl(), "postgres", "postgres")) {
            int pid = single(victim, "select pg_backend_pid()");
            single(admin, "select pg_terminate_backend(" + pid + ")::int");

            Throwable lost = catchThrowable(() -> single(victim, "select 1"));
            RuntimeException wrapped = new IllegalStateException("commit failed", new RuntimeException("rolled back", lost));

            assertThat(DatabaseFailures.isUnavailable(lost)).as("%s", lost).isTrue();
            assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
            RuntimeException suppressed = new RuntimeException("rollback failed too");
            suppressed.addSuppressed(lost);
            assertThat(DatabaseFailures.isUnavailable(suppressed)).isTrue();
        }
    }

    @Test
    void noConnectionSlotLeftIsAnOutage() throws Exception {
        try (Connection admin = DriverManager.getConnection(embeddedUrl(), "postgres", "postgres")) {
            execute(admin, "drop role if exists one_connection", "create role one_connection login connection limit 1");
            try (Connection first = DriverManager.getConnection(embeddedUrl(), "one_connection", "")) {
                Throwable full = catchThrowable(() -> DriverManager.getConnection(embeddedUrl(), "one_connection", ""));

                assertThat(full).hasMessageContaining("too many connections");
                assertThat(DatabaseFailures.isUnavailable(full)).isTrue();
            } finally {
                execute(admin, "drop role one_connection");
            }
        }
    }

    @Test
    void badStatementsAndBrokenConstraintsAreNotOutages() throws Exception {
        try (Connection c = DriverManager.getConnection(embeddedUrl(), "postgres", "postgres")) {
            Throwable syntax = catchThrowable(() -> single(c, "selec 1"));
            Throwable division = catchThrowable(() -> single(c, "select 1 / 0"));
            Throwable viaHibernate = new GenericJDBCException("could not execute statement", (java.sql.SQLException) syntax);

            assertThat(DatabaseFailures.isUnavailable(syntax)).as("%s", syntax).isFalse();
            assertThat(DatabaseFailures.isUnavailable(division)).as("%s", division).isFalse();
            assertThat(DatabaseFailures.isUnavailable(viaHibernate)).isFalse();
        }
        assertThat(DatabaseFailures.isUnavailable(new NullPointerException())).isFalse();
        assertThat(DatabaseFailures.isOutageState("08P01")).as("protocol violation").isFalse();
        assertThat(DatabaseFailures.isOutageState("23505")).as("unique violation").isFalse();
    }

    @Test
    void theRestLayerAnswersAnOutageWith503AndRetryAfterAndABugWith500() throws Exception {
        Throwable refused = catchThrowable(() -> DriverManager.getConnection(closedPortUrl(), "postgres", "x"));
        ProblemMappers mappers = new ProblemMappers();

        Response outage = mappers.unexpected(new RuntimeException("Unable to acquire JDBC Connection", refused));
        Response bug = mappers.unexpected(new IllegalStateException("a bug"));

        assertThat(outage.getStatus()).isEqualTo(503);
        assertThat(outage.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = (Problem) outage.getEntity();
        assertThat(problem.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(problem.detail()).contains("cannot reach its database", "Retry in 5 seconds");
        assertThat(bug.getStatus()).isEqualTo(500);
        assertThat(((Problem) bug.getEntity()).code()).isEqualTo("INTERNAL_ERROR");
    }

    private static AgroalDataSource pool(String url, Duration acquisitionTimeout) throws Exception {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(acquisitionTimeout)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                .principal(new NamePrincipal("postgres")).credential(new SimplePassword("postgres")))));
    }

    /** The test PostgreSQL's URL without its {@code ?user=}, which would win over the user asked for. */
    private static String embeddedUrl() {
        String url = EmbeddedPostgresResource.jdbcUrl();
        return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    }

    private static String closedPortUrl() throws Exception {
        return "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/postgres";
    }

    private static void execute(Connection c, String... statements) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static int single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
