package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.core.security.Role;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.xenapi.service.Message;
import org.xenplane.xenapi.service.MessageRegistry;

/**
 * The permission matrix of XenAPI, generated from the message registry and the operation
 * declarations like {@link PermissionMatrixTest} is for REST: every registered message that takes a
 * session is called over JSON-RPC by a login session of every role, with a ref of nothing for each
 * parameter. A role below the message's declared operation's minimum gets
 * {@code RBAC_PERMISSION_DENIED [operation, needs the role ...]} (so a read-only user is refused
 * every mutating message); any other role gets past the check to the message's own answer, which
 * is a XenAPI error of its own and never INTERNAL_ERROR. {@code session.logout} is given a fresh
 * session, so that no call spends a session another call needs.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class XenApiPermissionMatrixTest {
    private static final String PASSWORD = "matrix-password-123";

    @Inject
    MessageRegistry registry;

    @Inject
    OperationCatalog catalog;

    @TestFactory
    Stream<DynamicTest> everyMessageAdmitsExactlyTheDeclaredRoles() {
        Map<Role, String> sessions = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String user = "xenapi-matrix-" + role.wireName();
            given().auth().oauth2(ApiBadInputTest.ADMIN_TOKEN).contentType("application/json")
                    .body(Map.of("username", user, "role", role.wireName(), "password", PASSWORD))
                    .post("/api/v1/users").then().statusCode(201);
            sessions.put(role, login(user));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : registry.names()) {
            Message message = registry.find(name).orElseThrow();
            if (!message.takesSession()) {
                continue;
            }
            DeclaredOperation op = catalog.find(message.operation()).orElseThrow();
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(name + " as " + role.wireName(), () -> {
                    String session = name.equals("session.logout") ? login("xenapi-matrix-" + role.wireName()) : sessions.get(role);
                    expect(op, role, call(message, session));
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(1000);
        return tests.stream();
    }

    private static void expect(DeclaredOperation op, Role role, List<String> error) {
        if (role.includes(op.minimumRole())) {
            assertThat(error).as("%s", error).doesNotContain("RBAC_PERMISSION_DENIED", "INTERNAL_ERROR");
        } else {
            assertThat(error).containsExactly("RBAC_PERMISSION_DENIED", op.id(), "needs the role " + op.minimumRole().wireName());
        }
    }

    /** The error description of the call (code and parameters), empty when it succeeded. */
    private static List<String> call(Message message, String session) {
        List<Object> params = new ArrayList<>(List.of(session));
        for (int i = 0; i < message.parameters().size(); i++) {
            params.add("OpaqueRef:" + UUID.randomUUID());
        }
        JsonPath answer = given().contentType("application/json")
                .body(Map.of("jsonrpc", "2.0", "id", 1, "method", message.name(), "params", params))
                .post("/jsonrpc").then().statusCode(200).extract().jsonPath();
        if (answer.get("error") == null) {
            return List.of();
        }
        List<String> error = new ArrayList<>(List.of(answer.getString("error.message")));
        error.addAll(answer.getList("error.data", String.class));
        return error;
    }

    private static String login(String user) {
        return given().contentType("application/json")
                .body(Map.of("jsonrpc", "2.0", "id", 1, "method", "session.login_with_password",
                        "params", Arrays.asList(user, PASSWORD, "1.0", "matrix")))
                .post("/jsonrpc").then().statusCode(200).extract().path("result");
    }
}
