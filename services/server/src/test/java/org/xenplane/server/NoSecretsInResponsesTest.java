package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * After users, sessions, API tokens, join tokens and a host credential exist, no answer of any
 * read endpoint contains a password, a password hash or any of those secrets: each secret
 * appears only in the one answer that issued it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class NoSecretsInResponsesTest {
    private static final String ADMIN = ApiBadInputTest.ADMIN_TOKEN;

    @Test
    void noReadEndpointShowsASecret() {
        List<String> secrets = new ArrayList<>();
        String password = "secret-password-of-carol";
        admin().body(Map.of("username", "carol", "role", "vm-admin", "password", password)).post("/api/v1/users")
                .then().statusCode(201);
        secrets.add(password);
        secrets.add(given().contentType("application/json").body(Map.of("username", "carol", "password", password))
                .post("/api/v1/session").then().statusCode(201).extract().path("token"));
        secrets.add(admin().body(Map.of("name", "robot")).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token"));
        String joinToken = admin().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
        secrets.add(joinToken);
        JsonPath joined = admin().body(Map.of("joinToken", joinToken, "hostname", "secret-host", "address", "127.0.0.1",
                        "daemonUrl", "http://127.0.0.1:1/daemon/v1/hosts/secret-host",
                        "facts", Map.of("cpuCount", 4, "memoryTotal", 1L << 33, "memoryFree", 1L << 32,
                                "softwareVersions", Map.of())))
                .post("/api/v1/pool/join").then().statusCode(200).extract().jsonPath();
        secrets.add(joined.getString("hostCredential"));
        secrets.add(joined.getString("controlPlaneCredential"));

        List<String> bodies = new ArrayList<>();
        for (OpenApiEndpoints.Endpoint e : OpenApiEndpoints.all()) {
            if (!e.method().equals("GET") || !e.path().startsWith("/api/v1")) {
                continue;
            }
            if (!e.path().contains("{")) {
                bodies.add(admin().get(e.path() + (e.path().endsWith("/events") ? "?from=0" : "")).asString());
            }
        }
        for (String list : List.of("/api/v1/users", "/api/v1/hosts", "/api/v1/tasks")) {
            for (String id : admin().get(list).then().extract().jsonPath().<String>getList("id")) {
                bodies.add(admin().get(list + "/" + id).asString());
            }
        }
        assertThat(bodies).hasSizeGreaterThan(10);
        for (String body : bodies) {
            assertThat(body).doesNotContain("$2a$", "$2b$", "$2y$", "passwordHash", "tokenHash");
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret);
            }
        }
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType("application/json").accept("application/json");
    }
}
