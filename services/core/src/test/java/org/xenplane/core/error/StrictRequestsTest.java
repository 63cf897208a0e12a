package org.xenplane.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.xenplane.core.CoreApi;
import org.xenplane.testing.EmbeddedPostgresResource;

/** A control character in a parameter, a JSON body in another charset or of no stated type: refused. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StrictRequestsTest {
    @TestHTTPResource("/api/v1/probes/echo")
    URI echo;

    @Test
    void aNulOrAControlCharacterInAQueryParameterIsRefusedNamingIt() {
        for (String value : new String[] {"a%00b", "%01", "a%0Ab", "%7F", "%ED%A0%80x"}) {
            var response = asAdmin().urlEncodingEnabled(false).get("/api/v1/tasks?limit=5&status=" + value);
            if (value.startsWith("%ED")) {
                // Not UTF-8 at all: decoded as a replacement character, which is an unknown status.
                assertThat(response.statusCode()).isEqualTo(400);
                continue;
            }
            response.then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_PARAMETER"))
                    .body("parameters.parameter", equalTo("status"));
        }
        asAdmin().urlEncodingEnabled(false).get("/api/v1/tasks?st%00atus=x").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER")).body("parameters.parameter", equalTo("stU+0000atus"));
        asAdmin().urlEncodingEnabled(false).get("/api/v1/tasks/a%00b").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER")).body("parameters.parameter", equalTo("id"));
    }

    @Test
    void aJsonBodyInACharsetOtherThanUtf8IsRefused() throws Exception {
        for (String type : new String[] {"application/json; charset=EBCDIC", "application/json;charset=ISO-8859-1",
                "application/json; charset=utf-16"}) {
            HttpResponse<String> response = post(type);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"")
                    .contains("\"content_type\":\"" + type + "\"");
        }
        for (String type : new String[] {"application/json", "application/json; charset=UTF-8", "application/json;charset=\"utf-8\""}) {
            HttpResponse<String> response = post(type);
            assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void aCharsetOnARequestWithoutABodyIsNotLookedAt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(echo.resolve("/api/v1/tasks"))
                .header("Authorization", "Bearer " + CoreApi.ADMIN_TOKEN)
                .header("Content-Type", "application/json; charset=EBCDIC").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(echo).header("Authorization", "Bearer " + CoreApi.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\": 1}"));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        HttpResponse<String> response = post(null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
    }
}
