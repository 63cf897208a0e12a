package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.core.security.Role;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * The permission matrix, generated from the operation declarations: every documented endpoint is
 * called by every role, by a host daemon and by nobody. A role below the declared minimum gets
 * 403 RBAC_PERMISSION_DENIED, any other role gets past the check; no token gets 401; a host
 * credential reaches only host operations and a user token never does. Each role calls with one token
 * of its own, except an operation that ends the credential it is called with (logout), which is
 * given a fresh one, so that no call spends a token another call needs.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PermissionMatrixTest {
    private static final String ADMIN = ApiBadInputTest.ADMIN_TOKEN;
    /** Operations that end the credential they are called with. */
    private static final Set<String> SPEND_THE_CALLERS_TOKEN = Set.of("session.logout");

    @Inject
    OperationCatalog catalog;

    @TestFactory
    Stream<DynamicTest> everyEndpointAdmitsExactlyTheDeclaredCallers() {
        String hostCredential = joinAHost();
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, tokenWithRole(role));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (OpenApiEndpoints.Endpoint e : OpenApiEndpoints.all()) {
            if (!e.path().startsWith("/api/v1")) {
                continue;
            }
            DeclaredOperation op = catalog.find(e.declaredOperation()).orElseThrow();
            tests.add(DynamicTest.dynamicTest(e + " without a token", () -> expectNoToken(op, call(e, null))));
            boolean spends = SPEND_THE_CALLERS_TOKEN.contains(op.id());
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(e + " as " + role.wireName(),
                        () -> expectForRole(op, role, call(e, spends ? tokenWithRole(role) : tokens.get(role)))));
            }
            tests.add(DynamicTest.dynamicTest(e + " as a host daemon", () -> expectForHost(op, call(e, hostCredential))));
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    private static void expectNoToken(DeclaredOperation op, Response response) {
        if (op.caller() == CallerKind.ANONYMOUS) {
            assertThat(response.statusCode()).as(response.asString()).isNotIn(401, 403);
        } else {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
            assertThat(response.jsonPath().getString("code")).isEqualTo("SESSION_AUTHENTICATION_FAILED");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"xenplane\"");
        }
    }

    private static void expectForRole(DeclaredOperation op, Role role, Response response) {
        boolean allowed = op.caller() == CallerKind.ANONYMOUS
                || (op.caller() == CallerKind.USER && role.includes(op.minimumRole()));
        if (allowed) {
            assertThat(response.statusCode()).as(response.asString()).isNotEqualTo(401);
            assertThat(codeOf(response)).as(response.asString()).isNotEqualTo("RBAC_PERMISSION_DENIED");
        } else {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
            assertThat(codeOf(response)).isEqualTo("RBAC_PERMISSION_DENIED");
        }
    }

    private static void expectForHost(DeclaredOperation op, Response response) {
        if (op.caller() == CallerKind.USER) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
            assertThat(codeOf(response)).isEqualTo("RBAC_PERMISSION_DENIED");
        } else {
            assertThat(response.statusCode()).as(response.asString()).isNotEqualTo(401);
        }
    }

    private static String codeOf(Response response) {
        return response.contentType().startsWith("application/problem+json") ? response.jsonPath().getString("code") : "";
    }

    private static Response call(OpenApiEndpoints.Endpoint e, String token) {
        RequestSpecification request = given().accept("*/*");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (e.takesJsonBody()) {
            request = request.contentType("application/json").body("{}");
        } else if (e.takesBody()) {
            request = request.contentType("application/octet-stream").body(new byte[512]);
        }
        return request.request(e.method(), e.pathWith(UUID.randomUUID().toString()));
    }

    /** A new API token with {@code role}. */
    private static String tokenWithRole(Role role) {
        return admin().body(Map.of("name", "matrix " + role.wireName(), "role", role.wireName()))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    private static String joinAHost() {
        String joinToken = admin().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
        return admin().body(Map.of("joinToken", joinToken, "hostname", "matrix-host", "address", "127.0.0.1",
                        "daemonUrl", "http://127.0.0.1:1/daemon/v1/hosts/matrix-host",
                        "facts", Map.of("cpuCount", 4, "memoryTotal", 1L << 33, "memoryFree", 1L << 32,
                                "softwareVersions", Map.of())))
                .post("/api/v1/pool/join").then().statusCode(200).extract().path("hostCredential");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType("application/json").accept("application/json");
    }
}
