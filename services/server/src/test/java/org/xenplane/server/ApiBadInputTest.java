package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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

    /** A JSON body just over xenplane.api.max-body-bytes (1 MiB by default). */
    private static final String OVERSIZED = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";

    @TestHTTPResource("/api/v1/vms")
    URI vms;

    @Test
    void wrongJsonTypesAreRefusedNamingTheFieldNotCoerced() {
        int vmsBefore = count("/api/v1/vms");
        int networksBefore = count("/api/v1/networks");
        expectInvalidField("/api/v1/vms", "{\"name\": true}", "name", "expected a string");
        expectInvalidField("/api/v1/vms", "{\"name\": 12}", "name", "expected a string");
        expectInvalidField("/api/v1/vms", "{\"name\": \"strict-vm\", \"vcpusMax\": \"2\"}", "vcpusMax", "expected a number");
        expectInvalidField("/api/v1/vms", "{\"name\": \"strict-vm\", \"memoryStaticMax\": 1.5e9}", "memoryStaticMax",
                "expected a number");
        expectInvalidField("/api/v1/networks", "{\"name\": \"strict-net\", \"managed\": 0}", "managed",
                "expected true or false");
        expectInvalidField("/api/v1/networks", "{\"name\": \"strict-net\", \"managed\": \"true\"}", "managed",
                "expected true or false");
        assertThat(count("/api/v1/vms")).isEqualTo(vmsBefore);
        assertThat(count("/api/v1/networks")).isEqualTo(networksBefore);
    }

    @Test
    void aLoneSurrogateOrANulInAStringIsRefusedNamingTheField() {
        int vmsBefore = count("/api/v1/vms");
        expectInvalidField("/api/v1/vms", "{\"name\": \"vm\\ud800\"}", "name",
                "contains a lone UTF-16 surrogate (\\ud800), which is not a character");
        expectInvalidField("/api/v1/vms", "{\"name\": \"vm\\u0000\"}", "name", "contains a NUL character (U+0000)");
        expectInvalidField("/api/v1/vms", "{\"name\": \"vm\", \"otherConfig\": {\"k\": \"\\u0000\"}}", "otherConfig.k",
                "contains a NUL character (U+0000)");
        expectInvalidField("/api/v1/bonds", "{\"networkId\": \"" + UUID.randomUUID() + "\", \"members\": [], "
                + "\"mode\": \"active-backup\", \"mac\": \"aa:bb:cc:dd:ee:\\u0000\"}", "mac", "contains a NUL character (U+0000)");
        assertThat(count("/api/v1/vms")).isEqualTo(vmsBefore);
    }

    @Test
    void textAfterTheJsonDocumentIsRefused() {
        int vmsBefore = count("/api/v1/vms");
        request().contentType("application/json").body("{\"name\": \"strict-a\"} {\"name\": \"strict-b\"}").post("/api/v1/vms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("INVALID_JSON"))
                .body("parameters.detail", org.hamcrest.Matchers.containsString("text after the JSON document"));
        assertThat(count("/api/v1/vms")).isEqualTo(vmsBefore);
    }

    @Test
    void aJsonBodyInAnotherCharsetOrWithoutAContentTypeIsRefused() throws Exception {
        int vmsBefore = count("/api/v1/vms");
        for (String type : new String[] {"application/json; charset=EBCDIC", null}) {
            HttpRequest.Builder post = HttpRequest.newBuilder(vms).header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"strict-charset\"}"));
            if (type != null) {
                post.header("Content-Type", type);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s: %s", type, response.body()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }
        assertThat(count("/api/v1/vms")).isEqualTo(vmsBefore);
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        for (String path : new String[] {"/api/v1/vms?powerState=%00", "/api/v1/vms?powerState=halted%00", "/api/v1/networks?x=%00"}) {
            request().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("INVALID_PARAMETER"))
                    .body("parameters.parameter", org.hamcrest.Matchers.equalTo(path.contains("powerState") ? "powerState" : "x"));
        }
    }

    private static void expectInvalidField(String path, String body, String field, String reason) {
        request().contentType("application/json").body(body).post(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("INVALID_FIELD"))
                .body("parameters.field", org.hamcrest.Matchers.equalTo(field))
                .body("parameters.reason", org.hamcrest.Matchers.equalTo(reason));
    }

    private static int count(String path) {
        return request().get(path).then().statusCode(200).extract().jsonPath().getList("$").size();
    }

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
                tests.add(DynamicTest.dynamicTest(e + " with a body over the 1 MiB limit",
                        () -> expectProblem(send(e, path, OVERSIZED), 413)));
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
