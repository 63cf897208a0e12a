package org.xenplane.pool;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.xenplane.pool.PoolApi.as;
import static org.xenplane.pool.PoolApi.asAdmin;
import static org.xenplane.pool.PoolApi.joinRequest;
import static org.xenplane.pool.PoolApi.newJoinToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.pool.model.JoinToken;
import org.xenplane.testing.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HostJoinResourceTest {

    private static final Map<String, Object> HEARTBEAT = Map.of("facts", Map.of("cpuCount", 8,
            "memoryTotal", 17179869184L, "memoryFree", 16106127360L,
            "softwareVersions", Map.of("xen", "4.17.7", "driver", "simulator")));

    @Test
    void aHostJoinsWithAJoinTokenAndShowsLive() {
        JsonPath joined = join("host-a");
        String hostId = joined.getString("hostId");

        asAdmin().get("/api/v1/hosts/" + hostId).then().statusCode(200)
                .body("name", equalTo("host-a"))
                .body("live", equalTo(true))
                .body("enabled", equalTo(true))
                .body("memoryTotal", equalTo(17179869184L))
                .body("allowedOperations", hasItem("disable"));
        asAdmin().get("/api/v1/hosts").then().statusCode(200).body("id", hasItem(hostId));
    }

    @Test
    void aJoinTokenIsSpentByItsFirstUse() {
        String token = newJoinToken();
        asAdmin().body(joinRequest(token, "host-once")).post("/api/v1/pool/join").then().statusCode(200);
        asAdmin().body(joinRequest(token, "host-twice")).post("/api/v1/pool/join").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("JOIN_TOKEN_INVALID"));
    }

    @Test
    void anUnknownOrExpiredJoinTokenIsRefused() {
        asAdmin().body(joinRequest("xpj_not-a-token", "host-x")).post("/api/v1/pool/join").then().statusCode(401)
                .body("code", equalTo("JOIN_TOKEN_INVALID"));

        String token = newJoinToken();
        QuarkusTransaction.requiringNew().run(() ->
                JoinToken.update("expiresAt = ?1 where usedAt is null", Instant.now().minusSeconds(1)));
        asAdmin().body(joinRequest(token, "host-late")).post("/api/v1/pool/join").then().statusCode(401)
                .body("code", equalTo("JOIN_TOKEN_INVALID"));
    }

    @Test
    void heartbeatsNeedTheHostsOwnCredential() {
        JsonPath a = join("host-hb-a");
        JsonPath b = join("host-hb-b");
        String path = "/api/v1/hosts/" + a.getString("hostId") + "/heartbeat";

        // without the ha service in the process, the acknowledgement says HA is off (core's HaTerms default)
        as(a.getString("hostCredential")).body(HEARTBEAT).post(path).then().statusCode(200)
                .body("ha.enabled", equalTo(false)).body("ha.peers", org.hamcrest.Matchers.empty());
        as(b.getString("hostCredential")).body(HEARTBEAT).post(path).then().statusCode(403)
                .body("code", equalTo("RBAC_PERMISSION_DENIED"));
        asAdmin().body(HEARTBEAT).post(path).then().statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"));
        as("xph_wrong").body(HEARTBEAT).post(path).then().statusCode(401)
                .body("code", equalTo("SESSION_INVALID"));
        as(a.getString("hostCredential")).get("/api/v1/hosts").then().statusCode(403);
    }

    @Test
    void aHostWhoseHeartbeatsStopIsNotLiveUntilTheyResume() {
        JsonPath joined = join("host-silent");
        String hostId = joined.getString("hostId");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                !asAdmin().get("/api/v1/hosts/" + hostId).then().extract().<Boolean>path("live"));
        asAdmin().get("/api/v1/hosts/" + hostId).then().body("allowedOperations", hasItem("destroy"));

        as(joined.getString("hostCredential")).body(HEARTBEAT)
                .post("/api/v1/hosts/" + hostId + "/heartbeat").then().statusCode(200);
        asAdmin().get("/api/v1/hosts/" + hostId).then().body("live", equalTo(true));
    }

    @Test
    void disableAndEnableFollowTheHostsState() {
        String hostId = join("host-toggle").getString("hostId");
        asAdmin().post("/api/v1/hosts/" + hostId + "/disable").then().statusCode(200)
                .header("Xenplane-Task", org.hamcrest.Matchers.notNullValue())
                .body("enabled", equalTo(false)).body("allowedOperations", hasItem("enable"));
        asAdmin().post("/api/v1/hosts/" + hostId + "/disable").then().statusCode(409)
                .body("code", equalTo("OPERATION_NOT_ALLOWED"));
        asAdmin().post("/api/v1/hosts/" + hostId + "/enable").then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void aLiveHostCannotBeForgottenButASilentOneCan() {
        String hostId = join("host-gone").getString("hostId");
        asAdmin().delete("/api/v1/hosts/" + hostId).then().statusCode(409).body("code", equalTo("HOST_IS_LIVE"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !asAdmin().get("/api/v1/hosts/" + hostId).then().extract().<Boolean>path("live"));
        asAdmin().delete("/api/v1/hosts/" + hostId).then().statusCode(204);
        asAdmin().get("/api/v1/hosts/" + hostId).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
    }

    private static JsonPath join(String hostname) {
        return asAdmin().body(joinRequest(newJoinToken(), hostname)).post("/api/v1/pool/join").then().statusCode(200)
                .extract().jsonPath();
    }
}
