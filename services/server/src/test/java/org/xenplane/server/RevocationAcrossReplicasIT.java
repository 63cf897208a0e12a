package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Two server replicas on one database: a token issued by one works on the other, and a logout
 * or a revocation on one stops the token on the other within seconds, with no call between them.
 */
class RevocationAcrossReplicasIT {

    @TempDir
    Path workDir;

    @Test
    void logoutAndRevocationOnOneReplicaTakeEffectOnTheOther() throws Exception {
        String url = EmbeddedPostgresResource.freshDatabaseUrl("replicas");
        try (ServerProcess a = ServerProcess.onExternalDatabase(Files.createDirectories(workDir.resolve("a")),
                FreePorts.next(), url).start();
             ServerProcess b = ServerProcess.onExternalDatabase(Files.createDirectories(workDir.resolve("b")),
                     FreePorts.next(), url).start()) {
            String token = a.api().body(Map.of("name", "replica test")).post("/api/v1/tokens").then().statusCode(201)
                    .extract().path("token");
            String id = given().baseUri(b.url()).auth().oauth2(token).get("/api/v1/session").then().statusCode(200)
                    .extract().path("id");
            a.api().delete("/api/v1/tokens/" + id).then().statusCode(204);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    given().baseUri(b.url()).auth().oauth2(token).get("/api/v1/session").statusCode() == 401);

            String session = given().baseUri(a.url()).contentType("application/json")
                    .body(Map.of("username", "admin", "password", ServerProcess.ADMIN_PASSWORD))
                    .post("/api/v1/session").then().statusCode(201).extract().path("token");
            given().baseUri(b.url()).auth().oauth2(session).get("/api/v1/hosts").then().statusCode(200);
            given().baseUri(a.url()).auth().oauth2(session).delete("/api/v1/session").then().statusCode(204);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    given().baseUri(b.url()).auth().oauth2(session).get("/api/v1/hosts").statusCode() == 401);
        }
    }
}
