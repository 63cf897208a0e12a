package org.xenplane.network;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.xenplane.network.TestPool.DAEMON;
import static org.xenplane.network.TestPool.admin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.network.service.NetworkingForVms;
import org.xenplane.testing.EmbeddedPostgresResource;

/** {@code /api/v1/networks}: create, change, destroy, and what stops a destroy. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class NetworkResourceTest {

    @Inject
    DaemonCredentials credentials;

    @Inject
    NetworkingForVms vmNetworking;

    @Test
    void aNetworkIsCreatedInternalWithAGeneratedBridgeAndTheDefaultMtu() {
        JsonPath network = TestPool.network("storage traffic");
        assertThat(network.getString("bridge")).matches("xapi[0-9]+");
        assertThat(network.getInt("mtu")).isEqualTo(1500);
        assertThat(network.getBoolean("managed")).isTrue();
        assertThat(network.getBoolean("internal")).isTrue();
        assertThat(network.getList("allowedOperations")).containsExactly("update", "destroy");
        admin().get("/api/v1/networks/" + network.getString("id")).then().statusCode(200)
                .body("name", equalTo("storage traffic"));
        JsonPath second = TestPool.network("another");
        assertThat(second.getString("bridge")).isNotEqualTo(network.getString("bridge"));
    }

    @Test
    void aNetworkTakesAGivenBridgeMtuAndOtherConfigAndOnlyOneNetworkMayHaveABridge() {
        String bridge = TestPool.unique("xpb");
        admin().body(Map.of("name", "jumbo", "bridge", bridge, "mtu", 9000, "managed", false,
                        "otherConfig", Map.of("purpose", "backup")))
                .post("/api/v1/networks").then().statusCode(201)
                .body("bridge", equalTo(bridge)).body("mtu", equalTo(9000)).body("managed", equalTo(false))
                .body("otherConfig.purpose", equalTo("backup"));
        admin().body(Map.of("name", "again", "bridge", bridge)).post("/api/v1/networks").then().statusCode(409)
                .body("code", equalTo("BRIDGE_NAME_IN_USE")).body("parameters.bridge", equalTo(bridge));
    }

    @Test
    void badNetworksAreRefusedWithCodes() {
        expect(Map.of("name", "x", "mtu", 67), 400, "MTU_INVALID").body("parameters.min", equalTo("68"));
        expect(Map.of("name", "x", "mtu", 9217), 400, "MTU_INVALID").body("parameters.max", equalTo("9216"));
        expect(Map.of("name", "x", "bridge", "bad/name"), 400, "INVALID_FIELD").body("parameters.field", equalTo("bridge"));
        expect(Map.of("name", "x", "bridge", "a-bridge-name-too-long"), 400, "INVALID_FIELD");
        expect(Map.of("description", "no name"), 400, "INVALID_FIELD").body("parameters.field", equalTo("name"));
        expect(Map.of("name", "x", "mtu", "big"), 400, "INVALID_FIELD").body("parameters.field", equalTo("mtu"));
    }

    private static io.restassured.response.ValidatableResponse expect(Map<String, Object> body, int status, String code) {
        return admin().body(body).post("/api/v1/networks").then().statusCode(status)
                .contentType(matchesPattern("application/problem\\+json.*")).body("code", equalTo(code));
    }

    @Test
    void aNetworksNameDescriptionAndOtherConfigChange() {
        String id = TestPool.network("old name").getString("id");
        admin().body(Map.of("name", "new name", "otherConfig", Map.of("k", "v"))).patch("/api/v1/networks/" + id)
                .then().statusCode(200).header("Xenplane-Task", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("new name")).body("otherConfig.k", equalTo("v")).body("version", equalTo(1));
    }

    @Test
    void destroyingANetworkRemovesItsBridgeFromEveryLiveHost() {
        String a = TestPool.unique("h");
        String b = TestPool.unique("h");
        UUID hostA = TestPool.join(credentials, a);
        UUID hostB = TestPool.join(credentials, b);
        JsonPath network = TestPool.network("to destroy");
        String bridge = network.getString("bridge");
        vmNetworking.ensureBridges(hostA, java.util.List.of(UUID.fromString(network.getString("id"))));
        assertThat(DAEMON.host(a).bridges).containsKey(bridge);
        String task = admin().delete("/api/v1/networks/" + network.getString("id")).then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/tasks/.*")).extract().path("id");
        assertThat(TestPool.finished(task).getString("status")).isEqualTo("success");
        assertThat(DAEMON.host(a).bridges).doesNotContainKey(bridge);
        assertThat(DAEMON.calls(b, "DELETE")).anyMatch(c -> c.path().equals("/bridges/" + bridge));
        admin().get("/api/v1/networks/" + network.getString("id")).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));
        assertThat(hostB).isNotNull();
    }

    @Test
    void aDaemonRefusingToRemoveTheBridgeLeavesTheNetwork() {
        String a = TestPool.unique("h");
        TestPool.join(credentials, a);
        String id = TestPool.network("in use on a host").getString("id");
        DAEMON.refuseNextChange(a, "BRIDGE_IN_USE");
        String task = admin().delete("/api/v1/networks/" + id).then().statusCode(202).extract().path("id");
        JsonPath failed = TestPool.finished(task);
        assertThat(failed.getString("status")).isEqualTo("failure");
        assertThat(failed.getString("error.code")).isEqualTo("BRIDGE_IN_USE");
        admin().get("/api/v1/networks/" + id).then().statusCode(200);
    }

    @Test
    void aNetworkWithVifsOrPifsCannotBeDestroyed() {
        String id = TestPool.network("with a VIF").getString("id");
        String vif = admin().body(Map.of("vmId", UUID.randomUUID().toString(), "device", 0, "networkId", id))
                .post("/api/v1/vifs").then().statusCode(201).extract().path("id");
        admin().get("/api/v1/networks/" + id).then().body("allowedOperations", contains("update"))
                .body("vifs", contains(vif));
        admin().delete("/api/v1/networks/" + id).then().statusCode(409).body("code", equalTo("NETWORK_IN_USE"))
                .body("parameters.network", equalTo(id));
        admin().delete("/api/v1/vifs/" + vif).then().statusCode(204);

        UUID host = TestPool.join(credentials, TestPool.unique("h"), "mgmt0", TestPool.unique("n"));
        String physical = TestPool.scan(host).values().stream().filter(p -> !p.getBoolean("management")).findFirst()
                .orElseThrow().getString("networkId");
        admin().delete("/api/v1/networks/" + physical).then().statusCode(409).body("code", equalTo("NETWORK_CONTAINS_PIF"));
    }

    @Test
    void readingNeedsAToken() {
        given().get("/api/v1/networks").then().statusCode(401);
    }
}
