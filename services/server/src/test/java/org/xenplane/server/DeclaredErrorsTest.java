package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.core.security.UndeclaredErrors;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * The errors each operation declares are true: every documented endpoint is driven through its
 * failure cases (an unknown id, a malformed id, an empty body, an unknown field, and for the VM
 * endpoints a built-in template, which they refuse) by a caller it admits, and every code answered
 * must be one its operation declares or any operation may answer. Then the server's own count of
 * undeclared answers and task failures ({@code xenplane_undeclared_errors_total}, also checked after
 * every scenario IT) must be empty: it holds this run's other tests to the declarations too.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclaredErrorsTest {
    private static final String ADMIN = ApiBadInputTest.ADMIN_TOKEN;
    /** Operations that would succeed on a built-in template and make a VM: not called on one. */
    private static final Set<String> CHANGING_A_TEMPLATE = Set.of("vm.clone", "vm.copy", "alarm_config.set_vm");

    @Inject
    OperationCatalog catalog;

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyEndpointAnswersOnlyTheCodesItsOperationDeclares() {
        String hostCredential = joinAHost();
        String template = builtInTemplate();
        List<DynamicTest> tests = new ArrayList<>();
        for (OpenApiEndpoints.Endpoint e : OpenApiEndpoints.all()) {
            if (!e.path().startsWith("/api/v1")) {
                continue;
            }
            DeclaredOperation op = catalog.find(e.declaredOperation()).orElseThrow();
            String caller = op.caller() == CallerKind.HOST ? hostCredential : null;
            tests.add(DynamicTest.dynamicTest(e + " on an unknown id",
                    () -> expectDeclared(op, call(e, caller, UUID.randomUUID().toString(), "{}"))));
            if (e.path().contains("{")) {
                tests.add(DynamicTest.dynamicTest(e + " on a malformed id",
                        () -> expectDeclared(op, call(e, caller, "not-a-uuid", "{}"))));
            }
            if (e.takesJsonBody()) {
                tests.add(DynamicTest.dynamicTest(e + " with an unknown field",
                        () -> expectDeclared(op, call(e, caller, UUID.randomUUID().toString(), "{\"noSuchField\": 1}"))));
            }
            if (e.path().startsWith("/api/v1/vms/{") && !e.method().equals("GET") && !CHANGING_A_TEMPLATE.contains(op.id())) {
                tests.add(DynamicTest.dynamicTest(e + " on a built-in template",
                        () -> expectDeclared(op, call(e, caller, template, "{}"))));
            }
        }
        assertThat(tests).hasSizeGreaterThan(150);
        return tests.stream();
    }

    @Test
    @Order(2)
    void noOperationAnsweredOrFailedATaskWithAnUndeclaredCode() {
        UndeclaredErrorsMetric.assertNone(RestAssured.baseURI + ":" + RestAssured.port);
    }

    private static void expectDeclared(DeclaredOperation op, Response response) {
        if (response.statusCode() < 400) {
            return;
        }
        assertThat(response.contentType()).as(response.asString()).startsWith("application/problem+json");
        ErrorCode code = ErrorCode.valueOf(response.jsonPath().getString("code"));
        assertThat(UndeclaredErrors.declares(op, code)).as("%s answered %s, which it does not declare: %s",
                op.id(), code, response.asString()).isTrue();
    }

    /** A fresh pool-admin token per call (a host's credential for host operations), so logout spends nothing shared. */
    private static Response call(OpenApiEndpoints.Endpoint e, String hostCredential, String id, String body) {
        String token = hostCredential != null ? hostCredential : poolAdminToken();
        RequestSpecification request = given().accept("*/*").auth().oauth2(token);
        if (e.takesJsonBody()) {
            request = request.contentType("application/json").body(body);
        } else if (e.takesBody()) {
            request = request.contentType("application/octet-stream").body(new byte[512]);
        }
        return request.request(e.method(), e.pathWith(id));
    }

    private static String poolAdminToken() {
        return admin().body(Map.of("name", "declared errors", "role", "pool-admin"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    private static String builtInTemplate() {
        List<Map<String, Object>> templates = admin().get("/api/v1/vms?template=true").then().statusCode(200)
                .extract().jsonPath().getList("");
        return templates.stream().filter(vm -> Boolean.TRUE.equals(vm.get("isDefaultTemplate")))
                .map(vm -> (String) vm.get("id")).findFirst().orElseThrow();
    }

    private static String joinAHost() {
        String joinToken = admin().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
        return admin().body(Map.of("joinToken", joinToken, "hostname", "declared-errors-host", "address", "127.0.0.1",
                        "daemonUrl", "http://127.0.0.1:1/daemon/v1/hosts/declared-errors-host",
                        "facts", Map.of("cpuCount", 4, "memoryTotal", 1L << 33, "memoryFree", 1L << 32,
                                "softwareVersions", Map.of())))
                .post("/api/v1/pool/join").then().statusCode(200).extract().path("hostCredential");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType("application/json").accept("application/json");
    }
}
