package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server on a fresh machine: with no database configured it starts its embedded
 * PostgreSQL, keeps the data across a clean restart, and recovers after being killed (the
 * orphaned postmaster and its {@code postmaster.pid} must not block the next start). That
 * database takes only the password the server generated, which never appears in the log.
 * The first start of the first test is a fresh machine's, unpacking PostgreSQL; the second test's
 * server finds the binaries unpacked ({@link UnpackedPostgres}), as after any first start.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @Test
    void theServerKeepsItsDataAcrossACleanRestartAndACrash() throws Exception {
        int port = FreePorts.next();
        ServerProcess server = ServerProcess.onFreshMachine(dataDir, port).start();
        String tokenId;
        try {
            tokenId = server.api().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("id");
            server.api().body("{\"name\": \"restart-pool\"}").patch("/api/v1/pool").then().statusCode(200);
        } finally {
            server.stop();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        server = ServerProcess.onEmbeddedDatabase(dataDir, port).start();
        server.api().get("/api/v1/pool/join-tokens").then().statusCode(200).body("id", hasItem(tokenId));
        server.kill();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isTrue();

        try (ServerProcess recovered = ServerProcess.onEmbeddedDatabase(dataDir, port).start()) {
            recovered.api().get("/api/v1/pool").then().statusCode(200)
                    .body("name", org.hamcrest.Matchers.equalTo("restart-pool"));
            recovered.api().get("/api/v1/pool/join-tokens").then().body("id", hasItem(tokenId));
        }
    }

    @Test
    void theServersDatabaseTakesOnlyItsGeneratedPasswordWhichIsNeverLogged() throws Exception {
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(dataDir, FreePorts.next()).start()) {
            Path secret = dataDir.resolve("postgres/" + EmbeddedDatabaseSecret.FILE_NAME);
            String password = Files.readString(secret).trim();
            String url = "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres";

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url, "postgres", password);
                 ResultSet fsync = c.createStatement().executeQuery("show fsync")) {
                fsync.next();
                assertThat(fsync.getString(1)).isEqualTo("on");
            }
            server.api().get("/api/v1/pool").then().statusCode(200);
            assertThat(server.log()).doesNotContain(password);
        }
    }

    /** The port in postmaster.pid (its fourth line). */
    private int postgresPort() throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }
}
