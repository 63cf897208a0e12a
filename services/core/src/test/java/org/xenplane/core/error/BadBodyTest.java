package org.xenplane.core.error;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/** A bad JSON body is answered with what is wrong in words: the field, and what it should be. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BadBodyTest {

    @Test
    void anUnknownFieldIsCalledUnknownAndTheFieldsTheBodyTakesAreNamed() {
        asAdmin().body("{\"foo\": \"bar\"}").post("/api/v1/probes/echo").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_FIELD"))
                .body("title", equalTo("Invalid field in the request"))
                .body("parameters.field", equalTo("foo"))
                .body("parameters.reason", equalTo("unknown field; the fields are: count, enabled, host, label, tags"))
                .body("detail", equalTo("The field 'foo' is not valid: unknown field; the fields are: count, enabled, host, label, tags."
                        + " Correct it and send the request again."));
    }

    @Test
    void aMissingBodySaysABodyIsNeededAndNamesItsFields() {
        asAdmin().post("/api/v1/probes/echo").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_FIELD"))
                .body("parameters.field", equalTo("body"))
                .body("parameters.reason", equalTo(
                        "this request needs a JSON body (Content-Type: application/json); its fields are: count, enabled, host, label, tags"));
    }

    @Test
    void aNameWhereAnIdBelongsSaysAnIdIsExpected() {
        asAdmin().body("{\"host\": \"xen-host-1\"}").post("/api/v1/probes/echo").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("parameters.field", equalTo("host"))
                .body("parameters.reason", containsString("expected an id (a UUID"));
    }

    @Test
    void aWrongTypeNamesTheTypeExpected() {
        asAdmin().body("{\"count\": \"many\"}").post("/api/v1/probes/echo").then().statusCode(400)
                .body("parameters.field", equalTo("count")).body("parameters.reason", equalTo("expected a number"));
        asAdmin().body("{\"label\": {\"nested\": true}}").post("/api/v1/probes/echo").then().statusCode(400)
                .body("parameters.field", equalTo("label")).body("parameters.reason", equalTo("expected a string"));
    }

    @Test
    void aScalarOfTheWrongJsonTypeIsRefusedNotCoerced() {
        expectField("{\"label\": true}", "label", "expected a string");
        expectField("{\"label\": 12}", "label", "expected a string");
        expectField("{\"enabled\": 0}", "enabled", "expected true or false");
        expectField("{\"enabled\": \"true\"}", "enabled", "expected true or false");
        expectField("{\"count\": \"5\"}", "count", "expected a number");
        expectField("{\"count\": 1.5}", "count", "expected a number");
        expectField("{\"count\": true}", "count", "expected a number");
    }

    @Test
    void aLoneSurrogateOrANulInAStringIsRefused() {
        expectField("{\"label\": \"a\\ud800b\"}", "label", "contains a lone UTF-16 surrogate (\\ud800), which is not a character");
        expectField("{\"label\": \"\\udc00\"}", "label", "contains a lone UTF-16 surrogate (\\udc00), which is not a character");
        expectField("{\"label\": \"a\\u0000b\"}", "label", "contains a NUL character (U+0000)");
        expectField("{\"tags\": {\"k\": \"a\\u0000\"}}", "tags.k", "contains a NUL character (U+0000)");
        asAdmin().body("{\"label\": \"\\ud83d\\ude00 ok\"}").post("/api/v1/probes/echo").then().statusCode(200)
                .body("label", equalTo("\ud83d\ude00 ok"));
    }

    @Test
    void textAfterTheJsonDocumentIsRefused() {
        for (String body : new String[] {"{\"count\": 1} {}", "{\"count\": 1} x", "{} 1"}) {
            asAdmin().body(body).post("/api/v1/probes/echo").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("INVALID_JSON"))
                    .body("parameters.detail", equalTo("there is text after the JSON document; send one JSON document"));
        }
        asAdmin().body("{\"count\": 1}]").post("/api/v1/probes/echo").then().statusCode(400)
                .body("code", equalTo("INVALID_JSON"));
        asAdmin().body("{\"count\": 1}\n  \n").post("/api/v1/probes/echo").then().statusCode(200);
    }

    private static void expectField(String body, String field, String reason) {
        asAdmin().body(body).post("/api/v1/probes/echo").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_FIELD"))
                .body("parameters.field", equalTo(field))
                .body("parameters.reason", equalTo(reason));
    }

    @Test
    void aGoodBodyPasses() {
        asAdmin().body("{\"host\": \"6a1f2d3e-0000-4000-8000-000000000001\", \"count\": 2}").post("/api/v1/probes/echo")
                .then().statusCode(200).body("count", equalTo(2));
    }
}
