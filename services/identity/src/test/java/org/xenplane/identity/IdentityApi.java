package org.xenplane.identity;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Shortcuts for calling the identity API in tests. */
public final class IdentityApi {
    public static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private IdentityApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static Response login(String username, String password) {
        return anonymous().body(Map.of("username", username, "password", password)).post("/api/v1/session");
    }

    public static Response loginFrom(String address, String username, String password) {
        return anonymous().header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password)).post("/api/v1/session");
    }

    public static String sessionOf(String username, String password) {
        return login(username, password).then().statusCode(201).extract().path("token");
    }

    /** Creates a user with a unique name and returns its name; the password is {@code password-of-<name>}. */
    public static String newUser(String role) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", name, "fullName", "Test " + name, "role", role, "password", "password-of-" + name))
                .post("/api/v1/users").then().statusCode(201);
        return name;
    }

    public static String idOf(String username) {
        return asAdmin().get("/api/v1/users").then().extract().jsonPath()
                .getString("find { it.username == '" + username + "' }.id");
    }
}
