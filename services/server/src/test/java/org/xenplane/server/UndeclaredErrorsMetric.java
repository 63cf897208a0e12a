package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Reads {@code xenplane_undeclared_errors_total} from a server's {@code /q/metrics}: one series per
 * operation that answered, or whose task failed with, a code its declaration does not list.
 */
final class UndeclaredErrorsMetric {
    private static final String SERIES = "xenplane_undeclared_errors_total";

    private UndeclaredErrorsMetric() {
    }

    static List<String> series(String baseUri) {
        return given().baseUri(baseUri).get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(line -> line.startsWith(SERIES)).toList();
    }

    /** Fails naming each operation and code answered undeclared since the server started. */
    static void assertNone(String baseUri) {
        assertThat(series(baseUri)).as("codes answered that their operation does not declare (add them to its"
                + " enum's declaration, or stop raising them)").isEmpty();
    }
}
