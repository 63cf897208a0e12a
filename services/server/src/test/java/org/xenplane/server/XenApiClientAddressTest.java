package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * A XenAPI login is throttled as its client's, not as the server's own: the adapter names the
 * client in {@code X-Forwarded-For} on its REST calls, which the server trusts from loopback only.
 * The test stands in for a client at 203.0.113.9 behind a loopback proxy (the test itself is on
 * loopback, as a reverse proxy on the server's machine would be).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class XenApiClientAddressTest {
    private static final String CLIENT = "203.0.113.9";

    @Inject
    EntityManager em;

    /**
     * Proves that a failed XenAPI login counts against the user name and the client's address, as
     * a REST login from that client does (so that the name can be locked out), not only against
     * the loopback address (slowed, never locked out).
     */
    @Test
    void aFailedXenApiLoginCountsAgainstTheUserAndTheClientsAddress() {
        String user = "xff-" + UUID.randomUUID();
        String answer = given().contentType(ContentType.JSON).header("X-Forwarded-For", CLIENT)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session.login_with_password\",\"params\":[\""
                        + user + "\",\"wrong\",\"2.21\",\"test\"]}")
                .post("/jsonrpc").then().statusCode(200).extract().asString();
        assertThat(answer).contains("SESSION_AUTHENTICATION_FAILED");

        assertThat(failureKeys()).contains("user:" + user, "addr:" + CLIENT);
    }

    @SuppressWarnings("unchecked")
    private List<String> failureKeys() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select key from login_failure").getResultList());
    }
}
