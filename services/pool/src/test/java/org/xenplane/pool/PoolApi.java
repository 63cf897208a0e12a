package org.xenplane.pool;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Shortcuts for calling the API in tests. */
public final class PoolApi {
    public static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";

    private PoolApi() {
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String newJoinToken() {
        return asAdmin().body(Map.of()).post("/api/v1/pool/join-tokens").then().statusCode(201)
                .extract().path("token");
    }

    public static Map<String, Object> joinRequest(String token, String hostname) {
        return Map.of("joinToken", token, "hostname", hostname, "address", "127.0.0.1",
                "daemonUrl", "http://127.0.0.1:1/daemon/v1/hosts/" + hostname,
                "facts", Map.of("cpuCount", 8, "memoryTotal", 17179869184L, "memoryFree", 16106127360L,
                        "softwareVersions", Map.of("xen", "4.17.7", "driver", "simulator")));
    }
}
