package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server on a fresh machine: with no database configured it starts its embedded
 * PostgreSQL, keeps the data across a clean restart, and recovers after being killed (the
 * orphaned postmaster and its {@code postmaster.pid} must not block the next start).
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @Test
    void theServerKeepsItsDataAcrossACleanRestartAndACrash() throws Exception {
        int port = JavaProcess.freePort();
        ServerProcess server = ServerProcess.onEmbeddedDatabase(dataDir, port).start();
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
}
