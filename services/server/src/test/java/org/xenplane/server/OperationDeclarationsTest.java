package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.CommonErrors;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Every API endpoint names a declared operation, and the OpenAPI document says what the declaration
 * says: who may call it, in which states, and the codes it answers, each error response with the
 * Problem body.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OperationDeclarationsTest {

    @Inject
    OperationCatalog catalog;

    @Test
    void everyApiEndpointCarriesADeclaredOperation() {
        List<OpenApiEndpoints.Endpoint> api = OpenApiEndpoints.all().stream()
                .filter(e -> e.path().startsWith("/api/v1")).toList();
        assertThat(api).isNotEmpty();
        assertThat(api).allSatisfy(e -> {
            assertThat(e.declaredOperation()).as("declared operation of %s", e).isNotNull();
            assertThat(catalog.find(e.declaredOperation())).as("%s in the catalog", e).isPresent();
        });
    }

    @Test
    void everyUserOperationShowsItsMinimumRoleInTheDocs() {
        assertThat(OpenApiEndpoints.all()).filteredOn(e -> e.path().startsWith("/api/v1"))
                .allSatisfy(e -> {
                    DeclaredOperation op = catalog.find(e.declaredOperation()).orElseThrow();
                    String description = (String) e.operation().get("description");
                    assertThat(description).contains("Operation `" + op.id() + "`");
                    if (op.minimumRole() != null) {
                        assertThat(e.operation().get("x-xenplane-minimum-role")).isEqualTo(op.minimumRole().wireName());
                    }
                });
    }

    @Test
    void everyAuthenticatedOperationRequiresTheBearerTokenAndPublicOnesDoNot() {
        List<OpenApiEndpoints.Endpoint> api = OpenApiEndpoints.all().stream()
                .filter(e -> e.path().startsWith("/api/v1")).toList();
        assertThat(api).allSatisfy(e -> {
            DeclaredOperation op = catalog.find(e.declaredOperation()).orElseThrow();
            Object security = e.operation().get("security");
            if (op.caller() == CallerKind.ANONYMOUS) {
                assertThat(security).as("security of public %s", e).isNull();
            } else {
                assertThat(security).as("security of %s", e).isEqualTo(List.of(Map.of("bearer", List.of())));
            }
        });
        assertThat(api).filteredOn(e -> e.toString().equals("POST /api/v1/session"))
                .singleElement().satisfies(login -> assertThat(login.operation()).doesNotContainKey("security"));
        assertThat(api).filteredOn(e -> e.toString().equals("GET /api/v1/hosts"))
                .singleElement().satisfies(hosts -> assertThat(hosts.operation()).containsKey("security"));
        assertThat(OpenApiEndpoints.document().getMap("")).doesNotContainKey("security");
    }

    @Test
    @SuppressWarnings("unchecked")
    void vmStartDocumentsTheCodesItCanAnswerWithTheProblemSchema() {
        JsonPath doc = OpenApiEndpoints.document();
        Map<String, Object> start = doc.getMap("paths.'/api/v1/vms/{id}/start'.post");
        assertThat((List<String>) start.get("x-xenplane-errors")).contains("SR_NOT_ATTACHED",
                "HOST_CANNOT_ATTACH_NETWORK", "STORAGE_SERVICE_UNAVAILABLE", "PIF_IS_MANAGEMENT_INTERFACE");
        assertThat(start.get("x-xenplane-allowed-states")).isEqualTo(List.of("halted"));
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) start.get("responses");
        assertThat((String) responses.get("409").get("description")).contains("`SR_NOT_ATTACHED`",
                "`HOST_CANNOT_ATTACH_NETWORK`", "`PIF_IS_MANAGEMENT_INTERFACE`", "`VM_BAD_POWER_STATE`");
        assertThat((String) responses.get("503").get("description")).contains("`STORAGE_SERVICE_UNAVAILABLE`");
        assertThat((String) responses.get("404").get("description")).contains("`HANDLE_INVALID`");
        Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) responses.get("409").get("content");
        assertThat(content.get("application/problem+json").get("schema"))
                .isEqualTo(Map.of("$ref", "#/components/schemas/Problem"));
        Map<String, Object> problem = doc.getMap("components.schemas.Problem");
        assertThat((Map<String, Object>) problem.get("properties"))
                .containsOnlyKeys("type", "title", "status", "detail", "code", "parameters");
        assertThat(doc.getList("components.schemas.Problem.properties.code.enum", String.class))
                .contains("SR_NOT_ATTACHED", "HOST_CANNOT_ATTACH_NETWORK", "STORAGE_SERVICE_UNAVAILABLE",
                        "PIF_IS_MANAGEMENT_INTERFACE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointDocumentsExactlyItsDeclaredStatesAndErrorsWithTheProblemBody() {
        assertThat(OpenApiEndpoints.all()).filteredOn(e -> e.path().startsWith("/api/v1")).allSatisfy(e -> {
            DeclaredOperation op = catalog.find(e.declaredOperation()).orElseThrow();
            assertThat((List<String>) e.operation().get("x-xenplane-errors")).as("errors of %s", e)
                    .isEqualTo(op.errors().stream().map(ErrorCode::name).toList());
            assertThat(e.operation().get("x-xenplane-allowed-states")).as("states of %s", e)
                    .isEqualTo(op.allowedStates().isEmpty() ? null : op.allowedStates());
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) e.operation().get("responses");
            Set<String> errorStatuses = responses.keySet().stream().filter(status -> status.compareTo("400") >= 0)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> declaredStatuses = CommonErrors.withCommon(op).stream()
                    .map(code -> Integer.toString(code.httpStatus())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(errorStatuses).as("error statuses of %s", e).isEqualTo(declaredStatuses);
            errorStatuses.forEach(status -> assertThat(responses.get(status).toString()).as("%s %s", e, status)
                    .contains("application/problem+json").contains("#/components/schemas/Problem"));
        });
    }

    @Test
    void theBearerSchemeSaysTheTokenIsOpaque() {
        Map<String, Object> scheme = OpenApiEndpoints.document().getMap("components.securitySchemes.bearer");
        assertThat(scheme).containsEntry("type", "http").containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "opaque");
        assertThat((String) scheme.get("description")).contains("xpu_").doesNotContain("JWT");
        assertThat(OpenApiEndpoints.document().getMap("components.securitySchemes")).containsOnlyKeys("bearer");
    }

    @Test
    void everyDeclaredOperationIsServedByAnEndpoint() {
        Set<String> served = OpenApiEndpoints.all().stream().map(OpenApiEndpoints.Endpoint::declaredOperation)
                .collect(Collectors.toSet());
        Set<String> checkedInsideEndpoints = Set.of("task.cancel_any", "token.manage_any");
        assertThat(catalog.all()).extracting(DeclaredOperation::id)
                .allSatisfy(id -> assertThat(served.contains(id) || checkedInsideEndpoints.contains(id))
                        .as("operation %s has an endpoint", id).isTrue());
    }

    @Test
    void healthMetricsAndDocsAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void apiCallsWithoutATokenAreRefused() {
        given().get("/api/v1/hosts").then().statusCode(401);
        given().auth().oauth2("xpu_wrong").get("/api/v1/pool").then().statusCode(401);
    }
}
