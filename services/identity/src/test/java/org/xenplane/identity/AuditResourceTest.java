package org.xenplane.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.identity.IdentityApi.as;
import static org.xenplane.identity.IdentityApi.asAdmin;
import static org.xenplane.identity.IdentityApi.loginFrom;
import static org.xenplane.identity.IdentityApi.newUser;
import static org.xenplane.identity.IdentityApi.sessionOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuditResourceTest {

    @Test
    void loginAttemptsAndChangesAreAuditedWithoutSecrets() {
        String user = newUser("vm-admin");
        loginFrom("198.51.100.77", user, "secret-guess-123").then().statusCode(401);
        loginFrom("198.51.100.77", user, "password-of-" + user).then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> audit("subject=" + user + "&operation=session.login")
                .getList("outcome").size() == 2);
        JsonPath logins = audit("subject=" + user + "&operation=session.login");
        assertThat(logins.getList("outcome", String.class)).containsExactly("success", "failure");
        assertThat(logins.getString("[1].errorCode")).isEqualTo("SESSION_AUTHENTICATION_FAILED");
        assertThat(logins.getString("[1].source")).isEqualTo("198.51.100.77");

        JsonPath created = audit("operation=user.create&subject=admin");
        assertThat(created.getList("outcome")).contains("success");
        String body = asAdmin().get("/api/v1/audit?limit=1000").asString();
        assertThat(body).doesNotContain("secret-guess-123", "password-of-" + user);
    }

    @Test
    void refusedCallsAreAuditedToo() {
        String user = newUser("read-only");
        String session = sessionOf(user, "password-of-" + user);
        as(session).body(Map.of("username", "x", "role", "read-only", "password", "long-enough-password"))
                .post("/api/v1/users").then().statusCode(403);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                audit("subject=" + user + "&outcome=failure").getList("errorCode").contains("RBAC_PERMISSION_DENIED"));
    }

    @Test
    void onlyPoolAdminsReadTheAuditAndFiltersAreChecked() {
        String user = newUser("pool-operator");
        as(sessionOf(user, "password-of-" + user)).get("/api/v1/audit").then().statusCode(403);
        asAdmin().get("/api/v1/audit?outcome=maybe").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        asAdmin().get("/api/v1/audit?since=yesterday").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        asAdmin().get("/api/v1/audit?limit=0").then().statusCode(400);
    }

    @Test
    void theRolesListWhatEachMayDoFromTheDeclarations() {
        JsonPath roles = asAdmin().get("/api/v1/roles").then().statusCode(200).extract().jsonPath();
        assertThat(roles.getList("name", String.class)).containsExactly("pool-admin", "pool-operator",
                "vm-power-admin", "vm-admin", "vm-operator", "read-only");
        List<String> readOnly = roles.getList("find { it.name == 'read-only' }.operations", String.class);
        List<String> poolAdmin = roles.getList("find { it.name == 'pool-admin' }.operations", String.class);
        assertThat(readOnly).contains("user.read", "task.read").doesNotContain("audit.read", "user.create");
        assertThat(poolAdmin).containsAll(readOnly).contains("audit.read", "user.create", "token.manage_any");
    }

    private static JsonPath audit(String query) {
        return asAdmin().get("/api/v1/audit?" + query).then().statusCode(200).extract().jsonPath();
    }
}
