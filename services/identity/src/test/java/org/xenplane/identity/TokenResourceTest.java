package org.xenplane.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.xenplane.identity.IdentityApi.as;
import static org.xenplane.identity.IdentityApi.asAdmin;
import static org.xenplane.identity.IdentityApi.newUser;
import static org.xenplane.identity.IdentityApi.sessionOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TokenResourceTest {

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        String user = newUser("vm-admin");
        String session = sessionOf(user, "password-of-" + user);
        var created = as(session).body(Map.of("name", "ci robot", "role", "vm-operator", "expiresInSeconds", 3600))
                .post("/api/v1/tokens").then().statusCode(201).body("role", equalTo("vm-operator"))
                .extract().jsonPath();
        String token = created.getString("token");
        assertThat(token).startsWith("xpu_");

        as(token).get("/api/v1/session").then().statusCode(200).body("role", equalTo("vm-operator"));
        as(session).get("/api/v1/tokens").then().statusCode(200).body("[0].token", nullValue())
                .body("[0].name", equalTo("ci robot"));
        as(session).delete("/api/v1/tokens/" + created.getString("id")).then().statusCode(204);
        as(token).get("/api/v1/session").then().statusCode(401);
    }

    @Test
    void aTokenCannotCarryARoleAboveItsCreators() {
        String user = newUser("vm-operator");
        String session = sessionOf(user, "password-of-" + user);
        as(session).body(Map.of("name", "too strong", "role", "pool-admin")).post("/api/v1/tokens").then()
                .statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"));
        as(session).body(Map.of("name", "fine")).post("/api/v1/tokens").then().statusCode(201)
                .body("role", equalTo("vm-operator"));
    }

    @Test
    void usersSeeAndRevokeOnlyTheirOwnTokensWhilePoolAdminsSeeAll() {
        String alice = newUser("vm-admin");
        String bob = newUser("vm-admin");
        String aliceSession = sessionOf(alice, "password-of-" + alice);
        String bobSession = sessionOf(bob, "password-of-" + bob);
        String aliceToken = as(aliceSession).body(Map.of("name", "alice token")).post("/api/v1/tokens").then()
                .statusCode(201).extract().path("id");

        List<String> bobSees = as(bobSession).get("/api/v1/tokens").then().extract().jsonPath().getList("id");
        assertThat(bobSees).doesNotContain(aliceToken);
        as(bobSession).delete("/api/v1/tokens/" + aliceToken).then().statusCode(404);
        List<String> adminSees = asAdmin().get("/api/v1/tokens").then().extract().jsonPath().getList("id");
        assertThat(adminSees).contains(aliceToken);
        asAdmin().delete("/api/v1/tokens/" + aliceToken).then().statusCode(204);
    }
}
