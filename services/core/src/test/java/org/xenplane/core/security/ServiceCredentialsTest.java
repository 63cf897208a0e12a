package org.xenplane.core.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/** A service's own credential: derived alike by every replica, stored once and hashed, verified like any token. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ServiceCredentialsTest {
    @Inject
    ServiceCredentials credentials;
    @Inject
    CredentialVerifier verifier;

    @Test
    void aServiceActsUnderItsOwnNameWithItsRoleAndCanBeRevoked() {
        String token = credentials.tokenFor("probe-caller", Role.VM_OPERATOR);
        assertThat(token).startsWith(ServiceCredentials.PREFIX).isEqualTo(credentials.tokenFor("probe-caller", Role.VM_OPERATOR));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Credential.count("subject", "service:probe-caller")))
                .as("one stored credential, however often it is asked for").isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Credential.<Credential>find("subject", "service:probe-caller")
                .firstResult().tokenHash)).isEqualTo(Tokens.hash(token)).isNotEqualTo(token);

        String name = "service-" + UUID.randomUUID();
        given().auth().oauth2(token).post("/api/v1/probes/" + name + "/other").then().statusCode(202)
                .body("createdBy", org.hamcrest.Matchers.equalTo("service:probe-caller"));
        given().auth().oauth2(token + "x").post("/api/v1/probes/" + name + "/other").then().statusCode(401);

        String reader = credentials.tokenFor("reader", Role.READ_ONLY);
        given().auth().oauth2(reader).post("/api/v1/probes/" + name + "/other").then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("RBAC_PERMISSION_DENIED"));

        given().auth().oauth2(token).post("/api/v1/probes/" + name + "/release").then().statusCode(204);

        QuarkusTransaction.requiringNew().run(() ->
                Credential.update("revokedAt = ?1 where subject = ?2", Instant.now(), "service:probe-caller"));
        await().atMost(Duration.ofSeconds(10)).until(() -> verifier.verify(token).isEmpty());
    }
}
