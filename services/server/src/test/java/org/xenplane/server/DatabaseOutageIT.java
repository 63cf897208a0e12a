package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server on an external PostgreSQL 15 that goes away: while it is stopped, every call
 * that needs it answers 503 DATABASE_UNAVAILABLE with Retry-After within a few seconds, and
 * readiness is down (liveness is not: a restart would not help); once it is back, calls succeed
 * again with nobody touching the server.
 */
class DatabaseOutageIT {
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path workDir;

    @BeforeAll
    static void postgresql15IsInstalled() {
        ExternalPostgres.assumeInstalled("DatabaseOutageIT");
    }

    @Test
    void callsAnswer503DatabaseUnavailableWhileTheDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
        try (ExternalPostgres postgres = ExternalPostgres.start();
             ServerProcess server = ServerProcess.onExternalDatabase(workDir, FreePorts.next(), postgres.jdbcUrl()).start()) {
            server.api().get("/api/v1/pool").then().statusCode(200);

            postgres.stop();

            Map<String, Function<RequestSpecification, Response>> calls = Map.of(
                    "GET /api/v1/pool", api -> api.get("/api/v1/pool"),
                    "GET /api/v1/vms", api -> api.get("/api/v1/vms"),
                    "POST /api/v1/pool/join-tokens", api -> api.body("{}").post("/api/v1/pool/join-tokens"));
            calls.forEach((name, call) -> assertDatabaseUnavailable(name, () -> call.apply(server.api())));
            assertDatabaseUnavailable("POST /api/v1/session (login)", () -> given().baseUri(server.url())
                    .contentType("application/json").body(Map.of("username", "admin", "password", ServerProcess.ADMIN_PASSWORD))
                    .post("/api/v1/session"));
            given().baseUri(server.url()).get("/q/health/ready").then().statusCode(503);
            given().baseUri(server.url()).get("/q/health/live").then().statusCode(200);

            postgres.startAgain();
            long restarted = System.nanoTime();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> server.api().get("/api/v1/pool").statusCode() == 200);
            System.out.printf("DatabaseOutageIT: calls succeed again %d ms after PostgreSQL is back%n",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            given().baseUri(server.url()).get("/q/health/ready").then().statusCode(200);
            server.api().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201);
            server.api().get("/api/v1/vms").then().statusCode(200);
        }
    }

    private static void assertDatabaseUnavailable(String name, java.util.function.Supplier<Response> call) {
        long started = System.nanoTime();
        Response response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).as("%s: %s", name, response.asString()).isEqualTo(503);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).as(name).isEqualTo("5");
        assertThat(response.jsonPath().getString("code")).as(name).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(response.jsonPath().getString("title")).as(name).isEqualTo("Database not reachable");
        assertThat(response.jsonPath().getString("detail")).as(name).contains("cannot reach its database", "Retry in 5 seconds");
        assertThat(took).as("%s answered in %s", name, took).isLessThan(BOUND);
        System.out.printf("DatabaseOutageIT: %s answered 503 DATABASE_UNAVAILABLE in %d ms%n", name, took.toMillis());
    }
}
