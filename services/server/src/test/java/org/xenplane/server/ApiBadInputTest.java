package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Sends bad input to every documented endpoint: invalid and unknown ids, malformed JSON, wrong
 * field types, an oversized body, a wrong media type. Each must answer 4xx with an RFC 7807
 * problem carrying a code: never a 500, never a stack trace. New endpoints are covered as soon
 * as they appear in the OpenAPI document.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ApiBadInputTest {
    static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersBadInputWithAProblem() {
        List<DynamicTest> tests = new ArrayList<>();
        for (OpenApiEndpoints.Endpoint e : OpenApiEndpoints.all()) {
            if (!e.path().startsWith("/api/v1")) {
                continue;
            }
            if (e.path().contains("{")) {
                tests.add(DynamicTest.dynamicTest(e + " with an invalid uuid",
                        () -> expectProblem(send(e, e.pathWith("not-a-uuid"), "{}"))));
                tests.add(DynamicTest.dynamicTest(e + " with an unknown uuid",
                        () -> expectProblem(send(e, e.pathWith(UUID.randomUUID().toString()), validBodyOrEmpty(e)))));
                tests.add(DynamicTest.dynamicTest(e + " with a 300-character id",
                        () -> expectProblem(send(e, e.pathWith("x".repeat(300)), "{}"))));
            }
            if (e.takesBody() && !e.takesJsonBody()) {
                String path = e.pathWith(UUID.randomUUID().toString());
                tests.add(DynamicTest.dynamicTest(e + " (a streamed upload) with JSON",
                        () -> expectProblem(send(e, path, "{\"name\": 1}"), 415)));
                tests.add(DynamicTest.dynamicTest(e + " (a streamed upload) with text/plain",
                        () -> expectProblem(request().contentType("text/plain").body("hello").request(e.method(), path), 415)));
                tests.add(DynamicTest.dynamicTest(e + " (a streamed upload) with an unknown uuid",
                        () -> expectProblem(request().contentType("application/octet-stream").body(new byte[512])
                                .request(e.method(), path), 404)));
            }
            if (e.takesJsonBody()) {
                String path = e.pathWith(UUID.randomUUID().toString());
                tests.add(DynamicTest.dynamicTest(e + " with malformed JSON",
                        () -> expectProblem(send(e, path, "{\"name\": "), 400, 403)));
                tests.add(DynamicTest.dynamicTest(e + " with an array for an object",
                        () -> expectProblem(send(e, path, "[1, 2]"), 400, 403)));
                tests.add(DynamicTest.dynamicTest(e + " with an unknown field",
                        () -> expectProblem(send(e, path, "{\"noSuchField\": 1}"), 400, 403)));
                tests.add(DynamicTest.dynamicTest(e + " with a 2 MiB body",
                        () -> expectProblem(send(e, path, "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413)));
                tests.add(DynamicTest.dynamicTest(e + " with text/plain",
                        () -> expectProblem(request().contentType("text/plain").body("hello").request(e.method(), path), 415, 403)));
                for (Map.Entry<String, Object> property : e.bodyProperties().entrySet()) {
                    tests.add(DynamicTest.dynamicTest(e + " with a wrong type for " + property.getKey(),
                            () -> expectProblem(send(e, path, wrongType(property)), 400, 403)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    private static Response send(OpenApiEndpoints.Endpoint e, String path, String body) {
        RequestSpecification request = request();
        if (e.takesBody()) {
            request = request.contentType("application/json").body(body);
        }
        return request.request(e.method(), path);
    }

    private static RequestSpecification request() {
        return given().auth().oauth2(ADMIN_TOKEN).accept("application/json");
    }

    private static void expectProblem(Response response, int... allowed) {
        int status = response.statusCode();
        assertThat(status).as("status, body: %s", response.asString()).isBetween(400, 499);
        if (allowed.length > 0) {
            assertThat(allowed).as("status %d, body: %s", status, response.asString()).contains(status);
        }
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isNotBlank();
        assertThat(response.asString()).doesNotContain("\tat ", "Exception");
    }

    private static String validBodyOrEmpty(OpenApiEndpoints.Endpoint e) {
        return "{}";
    }

    @SuppressWarnings("unchecked")
    private static String wrongType(Map.Entry<String, Object> property) {
        Map<String, Object> schema = (Map<String, Object>) property.getValue();
        Object type = schema.getOrDefault("type", "object");
        String wrong = switch (String.valueOf(type)) {
            case "string" -> "{\"nested\": true}";
            case "integer", "number" -> "\"not-a-number\"";
            case "boolean" -> "\"maybe\"";
            case "array" -> "\"not-an-array\"";
            default -> "[\"not\", \"an\", \"object\"]";
        };
        return "{\"" + property.getKey() + "\": " + wrong + "}";
    }
}
