package org.xenplane.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.core.CoreApi.asAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.CoreApi;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.Tokens;
import org.xenplane.testing.EmbeddedPostgresResource;

/** Dismissing messages: XenAPI's {@code message.destroy}, pool-operator and above, as a task and an event. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MessageResourceTest {

    @Inject
    Messages messages;

    private UUID post(UUID about) {
        return QuarkusTransaction.requiringNew().call(() ->
                messages.post("CPU_USAGE_HIGH", 3, "probe", about, "cpu_usage averaged 0.990")).id();
    }

    private static String tokenFor(Role role) {
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        QuarkusTransaction.requiringNew().run(() -> Credential.create(CallerKind.USER, role.wireName() + "-user",
                "test " + role.wireName(), role, secret).persist());
        return secret;
    }

    private static List<Object> listed(UUID about) {
        return asAdmin().get("/api/v1/messages?class=probe&object=" + about).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void aPoolOperatorDestroysAMessageAsATaskAndClientsSeeItsDelEvent() {
        UUID about = UUID.randomUUID();
        UUID message = post(about);
        UUID other = post(about);
        String token = asAdmin().get("/api/v1/events").then().extract().path("token");

        String task = CoreApi.as(tokenFor(Role.POOL_OPERATOR)).delete("/api/v1/messages/" + message)
                .then().statusCode(204).extract().header("Xenplane-Task");

        assertThat(listed(about)).hasSize(1);
        assertThat(asAdmin().get("/api/v1/messages?class=probe&object=" + about).then().extract().path("[0].id").toString())
                .isEqualTo(other.toString());
        asAdmin().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("operation", equalTo("message.destroy")).body("status", equalTo("success"));
        JsonPath events = asAdmin().get("/api/v1/events?classes=message&from=" + token).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> seen = events.getList("events");
        assertThat(seen).anySatisfy(e -> {
            assertThat(e.get("operation")).isEqualTo("del");
            assertThat(e.get("ref")).isEqualTo(message.toString());
            assertThat(((Map<?, ?>) e.get("snapshot")).get("name")).isEqualTo("CPU_USAGE_HIGH");
        });
    }

    @Test
    void roleBelowPoolOperatorMayReadButNotDestroy() {
        UUID about = UUID.randomUUID();
        UUID message = post(about);
        String vmAdmin = tokenFor(Role.VM_POWER_ADMIN);

        CoreApi.as(vmAdmin).get("/api/v1/messages?class=probe&object=" + about).then().statusCode(200);
        CoreApi.as(vmAdmin).delete("/api/v1/messages/" + message).then().statusCode(403)
                .body("code", equalTo("RBAC_PERMISSION_DENIED"));
        assertThat(listed(about)).hasSize(1);
    }

    @Test
    void destroyingAnUnknownOrMalformedMessageIsAProblem() {
        asAdmin().delete("/api/v1/messages/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("HANDLE_INVALID"))
                .body("parameters.class", equalTo("message"));
        asAdmin().delete("/api/v1/messages/not-a-uuid").then().statusCode(400).body("code", equalTo("UUID_INVALID"));
        UUID message = post(UUID.randomUUID());
        asAdmin().delete("/api/v1/messages/" + message).then().statusCode(204);
        asAdmin().delete("/api/v1/messages/" + message).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
    }
}
