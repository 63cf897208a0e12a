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
                .body("parameters.reason", equalTo("unknown field; the fields are: count, host, label"))
                .body("detail", equalTo("The field 'foo' is not valid: unknown field; the fields are: count, host, label."
                        + " Correct it and send the request again."));
    }

    @Test
    void aMissingBodySaysABodyIsNeededAndNamesItsFields() {
        asAdmin().post("/api/v1/probes/echo").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_FIELD"))
                .body("parameters.field", equalTo("body"))
                .body("parameters.reason", equalTo(
                        "this request needs a JSON body (Content-Type: application/json); its fields are: count, host, label"));
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
    void aGoodBodyPasses() {
        asAdmin().body("{\"host\": \"6a1f2d3e-0000-4000-8000-000000000001\", \"count\": 2}").post("/api/v1/probes/echo")
                .then().statusCode(200).body("count", equalTo(2));
    }
}
