package org.xenplane.packaging;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the chart does, with the real packaged applications on a real PostgreSQL: a pool replica
 * started with migrations off waits; the migration Job (the server image's application with
 * QUARKUS_INIT_AND_EXIT=true) applies every migration and exits 0; the replica then starts without
 * migrating and serves the probe paths, the Dockerfile's health check, and exactly the API paths
 * the chart routes to it.
 */
class MigrationJobIT {
    private static final String ADMIN_TOKEN = "xpu_migration-job-it-admin-token-0123456789abcd";
    private static EmbeddedPostgres postgres;
    private static Path work;
    private static JavaApp pool;
    private static String migrationLog;
    private static int migrationExitCode;

    @BeforeAll
    static void replicaWaitsThenTheJobMigrates() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        work = Files.createTempDirectory(Repository.packagingTarget(), "migration-job");
        pool = JavaApp.start("services/apps/pool", replicaEnvironment(), work.resolve("pool.log"));

        await().atMost(Duration.ofSeconds(90)).until(() -> pool.log().contains("Waiting up to"));
        assertThat(pool.isAlive()).as(pool.log()).isTrue();
        assertThat(pool.status("/q/health/ready")).as("a waiting replica is not ready").isNotEqualTo(200);

        Map<String, String> job = database();
        job.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        job.put("QUARKUS_INIT_AND_EXIT", "true");
        try (JavaApp migration = JavaApp.start("services/server", job, work.resolve("migrate.log"))) {
            migrationExitCode = migration.awaitExit(Duration.ofSeconds(180));
            migrationLog = migration.log();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> pool.status("/q/health/ready") == 200 || !pool.isAlive());
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theJobAppliesEveryMigrationOfEveryServiceAndExitsZero() throws Exception {
        assertThat(migrationExitCode).as(migrationLog).isZero();
        assertThat(appliedMigrations()).containsExactlyInAnyOrderElementsOf(migrationsInTheRepository());
    }

    @Test
    void theReplicaStartsOnceMigratedWithoutMigratingItself() {
        assertThat(pool.status("/q/health/ready")).as(pool.log()).isEqualTo(200);
        assertThat(pool.log()).contains("The database schema has every migration of this service")
                .doesNotContain("Migrating schema");
    }

    @Test
    void theReplicaServesEveryProbePathTheChartUses() {
        for (String path : List.of("/q/health/started", "/q/health/live", "/q/health/ready", "/q/metrics")) {
            assertThat(pool.status(path)).as(path).isEqualTo(200);
        }
    }

    @Test
    void theChartRoutesToEachServiceExactlyThePathsItsApplicationServes() throws Exception {
        for (String service : ChartValues.enabledServiceNames()) {
            if (service.equals("pool")) {
                assertRoutesMatch(service, pool);
                continue;
            }
            try (JavaApp app = JavaApp.start("services/apps/" + service, replicaEnvironment(), work.resolve(service + ".log"))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> app.status("/q/health/ready") == 200 || !app.isAlive());
                assertRoutesMatch(service, app);
            }
        }
    }

    /** Every path the application serves is under one of its chart paths or the shared ones; every chart path serves something. */
    private static void assertRoutesMatch(String service, JavaApp app) throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(app.body("/q/openapi?format=json"));
        List<String> served = new ArrayList<>();
        openapi.path("paths").fieldNames().forEachRemaining(served::add);
        List<String> owned = ChartValues.paths(service);
        List<String> routed = new ArrayList<>(owned);
        routed.addAll(ChartValues.sharedPaths());

        assertThat(served).as(service).isNotEmpty().allSatisfy(path ->
                assertThat(routed).as("%s: a route for %s", service, path).anyMatch(prefix -> underPrefix(path, prefix)));
        List<String> mustServe = service.equals(ChartValues.sharedPathsService()) ? routed : owned;
        assertThat(mustServe).allSatisfy(prefix ->
                assertThat(served).as("%s serves something under %s", service, prefix).anyMatch(path -> underPrefix(path, prefix)));
    }

    @Test
    void theDockerfileHealthCheckPassesOnALiveServiceAndFailsWithoutOne() {
        String check = Dockerfile.read(Repository.root().resolve("docker/pool.Dockerfile")).healthCheckCommand().orElseThrow();

        Commands.Result healthy = Commands.run(List.of("sh", "-c", check), Map.of("XENPLANE_PORT", Integer.toString(pool.port)), null);
        Commands.Result down = Commands.run(List.of("sh", "-c", check), Map.of("XENPLANE_PORT", Integer.toString(FreePorts.next())), null);

        assertThat(healthy.exitCode()).as(healthy.output()).isZero();
        assertThat(down.exitCode()).isNotZero();
    }

    private static boolean underPrefix(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Map<String, String> replicaEnvironment() {
        Map<String, String> env = database();
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("XENPLANE_SCHEMA_WAIT_TIMEOUT", "5m");
        env.put("XENPLANE_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN);
        return env;
    }

    private static Map<String, String> database() {
        Map<String, String> env = new HashMap<>();
        env.put("XENPLANE_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("XENPLANE_DB_USER", "postgres");
        env.put("XENPLANE_DB_PASSWORD", "postgres");
        return env;
    }

    private static List<String> appliedMigrations() throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = c.createStatement().executeQuery("select script from flyway_schema_history where success")) {
            while (rows.next()) {
                String script = rows.getString(1);
                applied.add(script.substring(script.lastIndexOf('/') + 1));
            }
        }
        return applied;
    }

    /** Every V*.sql under services/<module>/src/main/resources/db/migration. */
    private static List<String> migrationsInTheRepository() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.root().resolve("services"))) {
            return files.filter(p -> p.toString().contains("/src/main/resources/db/migration/"))
                    .map(p -> p.getFileName().toString()).filter(n -> n.startsWith("V") && n.endsWith(".sql")).toList();
        }
    }
}
