package org.xenplane.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.xenplane.identity.IdentityApi.ADMIN_PASSWORD;
import static org.xenplane.identity.IdentityApi.as;
import static org.xenplane.identity.IdentityApi.asAdmin;
import static org.xenplane.identity.IdentityApi.idOf;
import static org.xenplane.identity.IdentityApi.login;
import static org.xenplane.identity.IdentityApi.loginFrom;
import static org.xenplane.identity.IdentityApi.newUser;
import static org.xenplane.identity.IdentityApi.sessionOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.CredentialVerifier;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SessionResourceTest {

    @Inject
    CredentialVerifier verifier;

    @Test
    void theBootstrapAdminLogsInAndTheSessionCarriesItsRole() {
        String token = login("admin", ADMIN_PASSWORD).then().statusCode(201)
                .body("token", notNullValue()).body("role", equalTo("pool-admin")).extract().path("token");
        as(token).get("/api/v1/session").then().statusCode(200)
                .body("username", equalTo("admin")).body("role", equalTo("pool-admin"))
                .body("token", org.hamcrest.Matchers.nullValue());
        as(token).get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String wrongPassword = loginFrom("198.51.100.1", "admin", "not-the-password").then().statusCode(401)
                .body("code", equalTo("SESSION_AUTHENTICATION_FAILED"))
                .body("parameters.reason", equalTo("wrong user name or password"))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"xenplane\"")).extract().asString();
        String unknownUser = loginFrom("198.51.100.1", "nobody-here", "whatever").then().statusCode(401)
                .extract().asString();
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        String token = sessionOf("admin", ADMIN_PASSWORD);
        as(token).delete("/api/v1/session").then().statusCode(204);
        as(token).get("/api/v1/session").then().statusCode(401).body("code", equalTo("SESSION_INVALID"));
    }

    /** DELETE /session ends sessions only: an API token sent to it is refused and keeps working (tokens are revoked at /tokens). */
    @Test
    void logoutWithAnApiTokenIsRefusedAndTheTokenStaysValid() {
        String session = sessionOf("admin", ADMIN_PASSWORD);
        String token = as(session).body(java.util.Map.of("name", "robot")).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
        as(token).delete("/api/v1/session").then().statusCode(409)
                .body("code", equalTo("OPERATION_NOT_ALLOWED"))
                .body("detail", containsString("/api/v1/tokens"));
        as(token).get("/api/v1/session").then().statusCode(200);
    }

    @Test
    void eachAuthenticationFailureSaysWhatIsWrongWithoutTellingUnknownFromRevokedTokens() {
        IdentityApi.anonymous().get("/api/v1/session").then().statusCode(401)
                .body("code", equalTo("SESSION_AUTHENTICATION_FAILED"))
                .body("parameters.reason", equalTo("no credentials were sent"))
                .body("detail", containsString("Authorization: Bearer <token>"))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"xenplane\""));
        String token = sessionOf("admin", ADMIN_PASSWORD);
        IdentityApi.anonymous().header("Authorization", token).get("/api/v1/session").then().statusCode(401)
                .body("code", equalTo("SESSION_AUTHENTICATION_FAILED"))
                .body("parameters.reason", equalTo("the Authorization header is not 'Bearer <token>'"))
                .header("WWW-Authenticate", startsWith("Bearer realm=\"xenplane\", error=\"invalid_request\""));
        String unknown = as("xpu_no-such-token").get("/api/v1/session").then().statusCode(401)
                .body("code", equalTo("SESSION_INVALID"))
                .body("parameters.reason", equalTo("the token is unknown, revoked (logged out) or expired"))
                .header("WWW-Authenticate", startsWith("Bearer realm=\"xenplane\", error=\"invalid_token\""))
                .extract().asString();
        as(token).delete("/api/v1/session").then().statusCode(204);
        assertThat(as(token).get("/api/v1/session").then().statusCode(401).extract().asString()).isEqualTo(unknown);
    }

    @Test
    void changingMyPasswordNeedsTheOldOneAndEndsMyOtherSessions() {
        String user = newUser("vm-operator");
        String first = sessionOf(user, "password-of-" + user);
        String second = sessionOf(user, "password-of-" + user);
        as(second).body(Map.of("oldPassword", "wrong-old", "newPassword", "a-new-password"))
                .post("/api/v1/session/password").then().statusCode(403).body("code", equalTo("WRONG_PASSWORD"));
        as(second).body(Map.of("oldPassword", "password-of-" + user, "newPassword", "short"))
                .post("/api/v1/session/password").then().statusCode(400).body("code", equalTo("PASSWORD_TOO_WEAK"));
        as(second).body(Map.of("oldPassword", "password-of-" + user, "newPassword", "a-new-password"))
                .post("/api/v1/session/password").then().statusCode(204);

        as(second).get("/api/v1/session").then().statusCode(200);
        as(first).get("/api/v1/session").then().statusCode(401);
        login(user, "a-new-password").then().statusCode(201);
    }

    @Test
    void loggingInBeyondTheSessionLimitEndsTheOldestSession() {
        String user = newUser("read-only");
        String oldest = sessionOf(user, "password-of-" + user);
        String[] newer = {sessionOf(user, "password-of-" + user), sessionOf(user, "password-of-" + user),
                sessionOf(user, "password-of-" + user)};
        as(oldest).get("/api/v1/session").then().statusCode(401);
        for (String token : newer) {
            as(token).get("/api/v1/session").then().statusCode(200);
        }
    }

    @Test
    void anIdleSessionAndAnExpiredOneStopWorking() {
        String idle = sessionOf("admin", ADMIN_PASSWORD);
        String old = sessionOf("admin", ADMIN_PASSWORD);
        String idleId = as(idle).get("/api/v1/session").then().extract().path("id");
        String oldId = as(old).get("/api/v1/session").then().extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Credential.update("lastUsedAt = ?1 where id = ?2", Instant.now().minus(Duration.ofHours(2)),
                    java.util.UUID.fromString(idleId));
            Credential.update("expiresAt = ?1 where id = ?2", Instant.now().minusSeconds(1), java.util.UUID.fromString(oldId));
        });
        verifier.invalidateAll();
        as(idle).get("/api/v1/session").then().statusCode(401);
        as(old).get("/api/v1/session").then().statusCode(401);
    }

    @Test
    void repeatedFailuresAreSlowedThenLockedOutButNotFromTheLocalConsole() {
        String user = newUser("pool-operator");
        String password = "password-of-" + user;
        String attacker = "203.0.113.9";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                loginFrom(attacker, user, "guess").then().extract().jsonPath().getString("code")
                        .equals("AUTHENTICATION_LOCKED_OUT"));

        loginFrom(attacker, user, password).then().statusCode(429).header("Retry-After", notNullValue());
        loginFrom("203.0.113.10", user, password).then().statusCode(429).body("code", equalTo("AUTHENTICATION_LOCKED_OUT"));
        login(user, password).then().statusCode(201);

        asAdmin().post("/api/v1/users/" + idOf(user) + "/unlock").then().statusCode(204);
        loginFrom("203.0.113.10", user, password).then().statusCode(201);
    }

    @Test
    void theFourthQuickFailureIsThrottled() {
        String user = newUser("read-only");
        String from = "203.0.113.20";
        for (int i = 0; i < 3; i++) {
            loginFrom(from, user, "guess-" + i).then().statusCode(401);
        }
        loginFrom(from, user, "guess-3").then().statusCode(429).body("code", equalTo("AUTHENTICATION_THROTTLED"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void badLoginRequestsGetProblems() {
        IdentityApi.anonymous().body("{\"username\": \"admin\"}").post("/api/v1/session").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        IdentityApi.anonymous().body(Map.of("username", "../etc/passwd", "password", "x")).post("/api/v1/session")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
    }
}
