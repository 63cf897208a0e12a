package org.xenplane.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.xenplane.identity.IdentityApi.as;
import static org.xenplane.identity.IdentityApi.asAdmin;
import static org.xenplane.identity.IdentityApi.idOf;
import static org.xenplane.identity.IdentityApi.login;
import static org.xenplane.identity.IdentityApi.newUser;
import static org.xenplane.identity.IdentityApi.sessionOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class UserResourceTest {

    @Test
    void aPoolAdminCreatesUsersWhoseHashesAreNeverShown() {
        String user = newUser("vm-admin");
        asAdmin().get("/api/v1/users/" + idOf(user)).then().statusCode(200)
                .body("role", equalTo("vm-admin")).body("enabled", equalTo(true))
                .body(not(containsString("passwordHash"))).body(not(containsString("$2")));
        asAdmin().get("/api/v1/users").then().statusCode(200).body(not(containsString("$2a$")))
                .body(not(containsString("$2b$")));
    }

    @Test
    void duplicateNamesAndWeakPasswordsAreRefused() {
        String user = newUser("read-only");
        asAdmin().body(Map.of("username", user, "role", "read-only", "password", "long-enough-password"))
                .post("/api/v1/users").then().statusCode(409).body("code", equalTo("USER_ALREADY_EXISTS"))
                .body("parameters.username", equalTo(user));
        asAdmin().body(Map.of("username", user + "x", "role", "read-only", "password", "short"))
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo("PASSWORD_TOO_WEAK"));
        asAdmin().body(Map.of("username", user + "y", "role", "emperor", "password", "long-enough-password"))
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
    }

    @Test
    void usersAreCreatedAndShownWithAUsernameAsInLoginAndTheOldNameStillWorks() {
        String user = "u" + java.util.UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", user, "role", "read-only", "password", "long-enough-password"))
                .post("/api/v1/users").then().statusCode(201).body("username", equalTo(user)).body("$", not(hasKey("name")));
        sessionOf(user, "long-enough-password");
        asAdmin().body(Map.of("name", user + "old", "role", "read-only", "password", "long-enough-password"))
                .post("/api/v1/users").then().statusCode(201).body("username", equalTo(user + "old"));
    }

    @Test
    void anUnknownFieldNamesTheFieldsTheBodyTakes() {
        asAdmin().body(Map.of("foo", "bar")).post("/api/v1/users").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD")).body("parameters.field", equalTo("foo"))
                .body("parameters.reason", equalTo("unknown field; the fields are: fullName, password, role, username"))
                .body("detail", containsString("unknown field"));
    }

    @Test
    void disablingAUserEndsTheirSessionsAndLogins() {
        String user = newUser("vm-operator");
        String session = sessionOf(user, "password-of-" + user);
        asAdmin().body(Map.of("enabled", false)).patch("/api/v1/users/" + idOf(user)).then().statusCode(200)
                .body("enabled", equalTo(false));
        as(session).get("/api/v1/session").then().statusCode(401);
        login(user, "password-of-" + user).then().statusCode(401);
    }

    @Test
    void loweringARoleLowersTheUsersSessions() {
        String user = newUser("pool-operator");
        String session = sessionOf(user, "password-of-" + user);
        asAdmin().body(Map.of("role", "read-only")).patch("/api/v1/users/" + idOf(user)).then().statusCode(200);
        as(session).get("/api/v1/session").then().statusCode(200).body("role", equalTo("read-only"));
        as(session).body(Map.of("name", "x2")).post("/api/v1/tokens").then().statusCode(201)
                .body("role", equalTo("read-only"));
        as(session).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void theLastPoolAdminCannotBeDisabledDemotedOrDeleted() {
        String adminId = idOf("admin");
        for (String other : asAdmin().get("/api/v1/users").then().extract().jsonPath()
                .<String>getList("findAll { it.role == 'pool-admin' && it.username != 'admin' }.id")) {
            asAdmin().delete("/api/v1/users/" + other).then().statusCode(204);
        }
        asAdmin().body(Map.of("enabled", false)).patch("/api/v1/users/" + adminId).then().statusCode(409)
                .body("code", equalTo("LAST_POOL_ADMIN"));
        asAdmin().body(Map.of("role", "read-only")).patch("/api/v1/users/" + adminId).then().statusCode(409)
                .body("code", equalTo("LAST_POOL_ADMIN"));
        asAdmin().delete("/api/v1/users/" + adminId).then().statusCode(409).body("code", equalTo("LAST_POOL_ADMIN"));

        String second = newUser("pool-admin");
        asAdmin().body(Map.of("role", "pool-operator")).patch("/api/v1/users/" + idOf(second)).then().statusCode(200);
        asAdmin().delete("/api/v1/users/" + idOf(second)).then().statusCode(204);
        asAdmin().get("/api/v1/users/" + adminId).then().statusCode(200).body("role", equalTo("pool-admin"))
                .body("enabled", equalTo(true));
    }

    @Test
    void aResetPasswordEndsEverySessionOfTheUser() {
        String user = newUser("vm-admin");
        String session = sessionOf(user, "password-of-" + user);
        asAdmin().body(Map.of("newPassword", "reset-by-admin")).post("/api/v1/users/" + idOf(user) + "/password")
                .then().statusCode(204);
        as(session).get("/api/v1/session").then().statusCode(401);
        login(user, "reset-by-admin").then().statusCode(201);
    }

    @Test
    void onlyPoolAdminsManageUsers() {
        String operator = newUser("pool-operator");
        String session = sessionOf(operator, "password-of-" + operator);
        as(session).get("/api/v1/users").then().statusCode(200);
        as(session).body(Map.of("username", "x1", "role", "read-only", "password", "long-enough-password"))
                .post("/api/v1/users").then().statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"))
                .body("parameters.required_role", equalTo("pool-admin"));
    }
}
