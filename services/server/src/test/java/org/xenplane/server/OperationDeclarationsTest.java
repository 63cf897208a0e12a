package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.testing.EmbeddedPostgresResource;

/** Every API endpoint names a declared operation, and the OpenAPI document says who may call it. */
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
