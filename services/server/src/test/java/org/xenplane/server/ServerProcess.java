package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The packaged all-in-one server, started as a real process on a free loopback port. */
final class ServerProcess implements AutoCloseable {
    static final String ADMIN_TOKEN = "xpu_scenario-admin-token-0123456789abcdefghijklmn";
    static final String ADMIN_PASSWORD = "scenario-admin-password";

    private final JavaProcess process;
    final int port;
    /** The data directory of a server on its embedded database, else null. */
    private Path embeddedHome;
    /** Whether that server starts with the PostgreSQL binaries another server of this run unpacked ({@link UnpackedPostgres}). */
    private boolean unpacked;

    private ServerProcess(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * With no database URL: the server starts its embedded PostgreSQL in {@code dataDir}, with the
     * PostgreSQL binaries already unpacked there when a server of this run unpacked them.
     */
    static ServerProcess onEmbeddedDatabase(Path dataDir, int port) {
        return onEmbeddedDatabase(dataDir, port, Map.of());
    }

    /** Like {@link #onEmbeddedDatabase(Path, int)}, with more environment (settings such as {@code XENPLANE_MONITORING_...}). */
    static ServerProcess onEmbeddedDatabase(Path dataDir, int port, Map<String, String> environment) {
        ServerProcess server = onFreshMachine(dataDir, port, environment);
        server.unpacked = true;
        return server;
    }

    /** Like {@link #onEmbeddedDatabase(Path, int)}, as on a fresh machine: the server unpacks its PostgreSQL itself. */
    static ServerProcess onFreshMachine(Path dataDir, int port) {
        return onFreshMachine(dataDir, port, Map.of());
    }

    private static ServerProcess onFreshMachine(Path dataDir, int port, Map<String, String> environment) {
        ServerProcess server = create(dataDir, port, environment);
        server.embeddedHome = dataDir;
        return server;
    }

    static ServerProcess onExternalDatabase(Path workDir, int port, String jdbcUrl) {
        return onExternalDatabase(workDir, port, jdbcUrl, Map.of());
    }

    /** Like {@link #onExternalDatabase(Path, int, String)}, with more environment (settings such as {@code XENPLANE_TASKS_...}). */
    static ServerProcess onExternalDatabase(Path workDir, int port, String jdbcUrl, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(Map.of("XENPLANE_DB_URL", jdbcUrl, "XENPLANE_DB_USER", "postgres", "XENPLANE_DB_PASSWORD", "postgres"));
        return create(workDir, port, env);
    }

    /**
     * The VM service's own application (services/apps/vm) on a database the all-in-one server
     * migrated, calling the storage and network services at {@code servicesUrl}.
     */
    static ServerProcess vmServiceOnExternalDatabase(Path workDir, int port, String jdbcUrl, String servicesUrl) {
        Map<String, String> env = new HashMap<>(Map.of("XENPLANE_DB_URL", jdbcUrl, "XENPLANE_DB_USER", "postgres",
                "XENPLANE_DB_PASSWORD", "postgres", "XENPLANE_PORT", Integer.toString(port)));
        // the schema is the migration Job's (here: the all-in-one server's); the app carries only its own migrations
        Map<String, String> properties = Map.of("quarkus.flyway.migrate-at-start", "false", "xenplane.storage.url", servicesUrl,
                "xenplane.network.url", servicesUrl);
        return new ServerProcess(new JavaProcess("vm-service", JavaProcess.jar("xenplane.vm-app.jar"),
                workDir.resolve("vm-service.log"), properties, env), port);
    }

    /** For the benchmark: the embedded database, the product's defaults, a 1 GiB heap. */
    static ServerProcess forBenchmark(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("XENPLANE_DATA_DIR", dataDir.toString());
        env.put("XENPLANE_PORT", Integer.toString(port));
        env.put("XENPLANE_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN);
        java.util.List<String> jvm = new java.util.ArrayList<>(java.util.List.of("-Xmx1g"));
        String more = System.getProperty("bench.server-jvm-options", "");
        if (!more.isBlank()) {
            jvm.addAll(java.util.Arrays.asList(more.trim().split("\\s+")));
        }
        return new ServerProcess(new JavaProcess("server", JavaProcess.jar("xenplane.server.jar"),
                dataDir.resolve("server.log"), jvm, Map.of(), env), port);
    }

    ProcessHandle handle() {
        return process.handle();
    }

    private static ServerProcess create(Path dir, int port, Map<String, String> database) {
        Map<String, String> env = new HashMap<>(database);
        env.put("XENPLANE_DATA_DIR", dir.toString());
        env.put("XENPLANE_PORT", Integer.toString(port));
        env.put("XENPLANE_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("XENPLANE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("XENPLANE_POOL_HEARTBEAT_TIMEOUT", "3s");
        env.put("XENPLANE_POOL_LIVENESS_CHECK_INTERVAL", "1s"); // the scheduler's least period
        return new ServerProcess(new JavaProcess("server", JavaProcess.jar("xenplane.server.jar"),
                dir.resolve("server.log"), Map.of(), env), port);
    }

    ServerProcess start() throws Exception {
        if (unpacked) {
            UnpackedPostgres.seed(embeddedHome);
        }
        process.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited; " + process.describe());
                }
                try {
                    return given().baseUri(url()).get("/q/health/ready").statusCode() == 200;
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError notReady) {
            // the caller gets no server to close: stop it here, or it would load the machine for the tests after
            process.stop();
            throw notReady;
        }
        if (embeddedHome != null) {
            UnpackedPostgres.keepFrom(embeddedHome);
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    RequestSpecification api() {
        return given().baseUri(url()).auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    String newJoinToken() {
        return api().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
    }

    /**
     * Stops the server, first checking that it answered no code an operation does not declare
     * ({@link UndeclaredErrorsMetric}): every scenario run against it holds the declarations to the truth.
     */
    void stop() throws InterruptedException {
        try {
            if (process.isAlive()) {
                UndeclaredErrorsMetric.assertNone(url());
            }
        } finally {
            process.stop();
        }
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    String log() {
        return process.describe();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
