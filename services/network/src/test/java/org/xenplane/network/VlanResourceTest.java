package org.xenplane.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.network.TestPool.DAEMON;
import static org.xenplane.network.TestPool.admin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.UplinkKind;
import org.xenplane.testing.EmbeddedPostgresResource;

/** VLANs across the pool: all or nothing, one tag once per tagged PIF. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VlanResourceTest {

    @Inject
    DaemonCredentials credentials;

    private record Pool(String nic, String hostA, String hostB, UUID idA, UUID idB) {
    }

    private Pool twoHostsWithANic() {
        String nic = TestPool.unique("n");
        String a = TestPool.unique("h");
        String b = TestPool.unique("h");
        UUID idA = TestPool.join(credentials, a, "mgmt0", nic);
        UUID idB = TestPool.join(credentials, b, "mgmt0", nic);
        TestPool.scan(idA);
        TestPool.scan(idB);
        return new Pool(nic, a, b, idA, idB);
    }

    private static JsonPath create(String networkId, String device, Object tag) {
        String task = admin().body(Map.of("networkId", networkId, "device", device, "tag", tag)).post("/api/v1/vlans")
                .then().statusCode(202).extract().path("id");
        return TestPool.finished(task);
    }

    private static List<Map<String, Object>> vlansOf(String networkId) {
        return admin().get("/api/v1/vlans").then().extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(v -> v.get("networkId").equals(networkId)).toList();
    }

    @Test
    void aVlanIsCreatedOnEveryHostWithTheDeviceAndItsBridgeMadeThere() {
        Pool pool = twoHostsWithANic();
        String network = TestPool.network("vlan 10").getString("id");
        JsonPath task = create(network, pool.nic(), 10);
        assertThat(task.getString("status")).isEqualTo("success");
        assertThat(task.getString("result.id")).isEqualTo(network);
        List<Map<String, Object>> vlans = vlansOf(network);
        assertThat(vlans).hasSize(2).allSatisfy(v -> assertThat(v.get("tag")).isEqualTo(10));
        assertThat(vlans).extracting(v -> v.get("hostId")).containsExactlyInAnyOrder(pool.idA().toString(), pool.idB().toString());
        String bridge = admin().get("/api/v1/networks/" + network).then().body("internal", equalTo(false))
                .extract().path("bridge");
        for (String host : List.of(pool.hostA(), pool.hostB())) {
            BridgeSpec spec = DAEMON.host(host).bridges.get(bridge);
            assertThat(spec.uplink().kind()).isEqualTo(UplinkKind.VLAN);
            assertThat(spec.uplink().tag()).isEqualTo(10);
            assertThat(spec.uplink().device()).isEqualTo(pool.nic());
            assertThat(spec.uplink().parent().name()).isEqualTo("xb" + pool.nic());
            assertThat(spec.uplink().parent().uplink().kind()).isEqualTo(UplinkKind.DEVICE);
        }
        Map<String, JsonPath> pifs = TestPool.scan(pool.idA());
        JsonPath vlanPif = pifs.get(pool.nic() + ".10");
        assertThat(vlanPif.getBoolean("physical")).isFalse();
        assertThat(vlanPif.getBoolean("currentlyAttached")).isTrue();
        assertThat(vlanPif.getString("vlanMasterOf")).isNotNull();
        assertThat(pifs.get(pool.nic()).getList("vlanSlaveOf")).containsExactly(vlanPif.getString("vlanMasterOf"));
    }

    @Test
    void aTagAlreadyOnTheDeviceIsRefusedAndLeavesNoRecord() {
        Pool pool = twoHostsWithANic();
        String first = TestPool.network("first").getString("id");
        String second = TestPool.network("second").getString("id");
        assertThat(create(first, pool.nic(), 20).getString("status")).isEqualTo("success");
        JsonPath refused = create(second, pool.nic(), 20);
        assertThat(refused.getString("error.code")).isEqualTo("VLAN_TAG_IN_USE");
        assertThat(refused.getString("error.parameters.tag")).isEqualTo("20");
        assertThat(vlansOf(second)).isEmpty();
        assertThat(create(first, pool.nic(), 21).getString("error.code")).isEqualTo("NETWORK_ALREADY_CONNECTED");
        admin().get("/api/v1/networks/" + second).then().body("internal", equalTo(true));
    }

    @Test
    void twoConcurrentRequestsForOneTagHaveExactlyOneWinner() {
        Pool pool = twoHostsWithANic();
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            networks.add(TestPool.network("racer " + i).getString("id"));
        }
        List<CompletableFuture<JsonPath>> racers = networks.stream()
                .map(n -> CompletableFuture.supplyAsync(() -> create(n, pool.nic(), 30))).toList();
        List<JsonPath> outcomes = racers.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(t -> t.getString("status").equals("success")).hasSize(1);
        assertThat(outcomes).filteredOn(t -> t.getString("status").equals("failure"))
                .allSatisfy(t -> assertThat(t.getString("error.code")).isEqualTo("VLAN_TAG_IN_USE"));
        long vlans = networks.stream().mapToLong(n -> vlansOf(n).size()).sum();
        assertThat(vlans).isEqualTo(2);
    }

    @Test
    void badVlansAreRefusedWithCodes() {
        String network = TestPool.network("bad vlans").getString("id");
        for (Object tag : List.of(4095, -1, 100000)) {
            admin().body(Map.of("networkId", network, "device", "eth1", "tag", tag)).post("/api/v1/vlans").then()
                    .statusCode(400).body("code", equalTo("VLAN_TAG_INVALID"));
        }
        admin().body(Map.of("networkId", network, "device", "eth1/x", "tag", 5)).post("/api/v1/vlans").then()
                .statusCode(400).body("code", equalTo("INVALID_FIELD"));
        assertThat(create(network, TestPool.unique("nodev"), 5).getString("error.code")).isEqualTo("PIF_UNKNOWN_DEVICE");
        assertThat(create(UUID.randomUUID().toString(), "eth1", 5).getString("error.code")).isEqualTo("HANDLE_INVALID");
    }

    @Test
    void aHostRefusingHalfWayUndoesTheVlanOnTheHostsAlreadyDone() {
        Pool pool = twoHostsWithANic();
        String network = TestPool.network("half way").getString("id");
        String bridge = admin().get("/api/v1/networks/" + network).then().extract().path("bridge");
        String second = pool.idA().toString().compareTo(pool.idB().toString()) < 0 ? pool.hostB() : pool.hostA();
        String first = second.equals(pool.hostA()) ? pool.hostB() : pool.hostA();
        DAEMON.refuseNextChange(second, "NETWORK_BACKEND_FAILURE");
        JsonPath failed = create(network, pool.nic(), 40);
        assertThat(failed.getString("error.code")).isEqualTo("NETWORK_BACKEND_FAILURE");
        assertThat(DAEMON.calls(first, "DELETE")).anyMatch(c -> c.path().equals("/bridges/" + bridge));
        assertThat(DAEMON.host(first).bridges).doesNotContainKey(bridge);
        assertThat(vlansOf(network)).isEmpty();
        assertThat(TestPool.scan(pool.idA())).doesNotContainKey(pool.nic() + ".40");
        assertThat(create(network, pool.nic(), 40).getString("status")).isEqualTo("success");
    }

    @Test
    void aVlanIsDestroyedOnItsHostAndAllOfANetworksVlansAcrossThePool() {
        Pool pool = twoHostsWithANic();
        String network = TestPool.network("to tear down").getString("id");
        String bridge = admin().get("/api/v1/networks/" + network).then().extract().path("bridge");
        create(network, pool.nic(), 50);
        String onA = vlansOf(network).stream().filter(v -> v.get("hostId").equals(pool.idA().toString()))
                .findFirst().orElseThrow().get("id").toString();
        DAEMON.refuseNextChange(pool.hostA(), "BRIDGE_IN_USE");
        admin().delete("/api/v1/vlans/" + onA).then().statusCode(409).body("code", equalTo("BRIDGE_IN_USE"));
        admin().delete("/api/v1/vlans/" + onA).then().statusCode(204);
        assertThat(DAEMON.host(pool.hostA()).bridges).doesNotContainKey(bridge);
        assertThat(vlansOf(network)).hasSize(1);
        String task = admin().delete("/api/v1/networks/" + network + "/vlans").then().statusCode(202).extract().path("id");
        assertThat(TestPool.finished(task).getString("status")).isEqualTo("success");
        assertThat(vlansOf(network)).isEmpty();
        assertThat(DAEMON.host(pool.hostB()).bridges).doesNotContainKey(bridge);
        admin().get("/api/v1/networks/" + network).then().body("internal", equalTo(true));
        admin().delete("/api/v1/vlans/" + onA).then().statusCode(404);
    }
}
