package org.xenplane.daemon;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.JoinResponse;

/** The daemon API the control plane calls: {@code GET /daemon/v1/hosts/{localKey}/info} and its guard. */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class HostInfoResourceTest {
    private static final String HOST_1_INFO = "/daemon/v1/hosts/sim-host-1/info";

    @InjectFakeControlPlane
    FakeControlPlane controlPlane;

    @Inject
    Memberships memberships;

    private JoinResponse host1;
    private JoinResponse host2;

    @BeforeEach
    void bothHostsJoined() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> memberships.of("sim-host-1").isJoined() && memberships.of("sim-host-2").isJoined());
        host1 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_1);
        host2 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_2);
    }

    @Test
    void infoWithTheHostsControlPlaneCredentialAnswersItsIdDriverAndFacts() {
        bearer(host1.controlPlaneCredential()).get(HOST_1_INFO).then()
                .statusCode(200)
                .body("hostId", equalTo(host1.hostId().toString()))
                .body("driver", equalTo("simulator"))
                .body("facts.cpuCount", equalTo(16))
                .body("facts.memoryTotal", equalTo(65536L * 1024 * 1024))
                .body("facts.memoryFree", lessThanOrEqualTo((65536L - 1024) * 1024 * 1024)) // dom0 keeps 1 GiB
                .body("facts.softwareVersions.xen", equalTo("4.17.7-sim"));
    }

    @Test
    void infoWithAWrongCredentialIsRefusedWithAProblem() {
        expectAuthenticationFailed(bearer("xpc_not-the-right-one"));
    }

    @Test
    void infoWithoutCredentialIsRefusedWithAProblem() {
        expectAuthenticationFailed(given());
    }

    @Test
    void infoWithTheOtherHostsCredentialIsRefused() {
        expectAuthenticationFailed(bearer(host2.controlPlaneCredential()));
    }

    @Test
    void infoWithTheHostCredentialInsteadOfTheControlPlaneCredentialIsRefused() {
        expectAuthenticationFailed(bearer(host1.hostCredential()));
    }

    @Test
    void infoOfAnUnknownLocalKeyIsHandleInvalid() {
        bearer(host1.controlPlaneCredential()).get("/daemon/v1/hosts/sim-host-9/info").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("HANDLE_INVALID"))
                .body("parameters.class", equalTo("host"))
                .body("parameters.id", equalTo("sim-host-9"));
    }

    private static RequestSpecification bearer(String credential) {
        return given().header("Authorization", "Bearer " + credential);
    }

    private static void expectAuthenticationFailed(RequestSpecification request) {
        request.get(HOST_1_INFO).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"xenplane-daemon\""))
                .body("type", equalTo("urn:xenplane:error:SESSION_AUTHENTICATION_FAILED"))
                .body("title", equalTo("Authentication failed"))
                .body("status", equalTo(401))
                .body("code", equalTo("SESSION_AUTHENTICATION_FAILED"))
                .body("parameters", aMapWithSize(0))
                .body("$", aMapWithSize(5));
    }
}
