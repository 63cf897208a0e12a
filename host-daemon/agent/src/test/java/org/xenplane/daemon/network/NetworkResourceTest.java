package org.xenplane.daemon.network;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.FakeControlPlaneResource;
import org.xenplane.daemon.InjectFakeControlPlane;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.JoinResponse;

/** The daemon's network API over HTTP, with the simulated driver (the default) for two hosts. */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class NetworkResourceTest {
    private static final String HOST_1 = "/daemon/v1/hosts/sim-host-1/network";
    private static final String HOST_2 = "/daemon/v1/hosts/sim-host-2/network";

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

    private RequestSpecification as(JoinResponse host) {
        return given().header("Authorization", "Bearer " + host.controlPlaneCredential()).contentType("application/json");
    }

    private static Map<String, Object> onNic(String nic) {
        return Map.of("mtu", 1500, "uplink", Map.of("kind", "DEVICE", "device", nic));
    }

    @Test
    void theReportListsEachSimulatedHostsNicsWithEth0AsItsManagementInterface() {
        as(host1).get(HOST_1 + "/interfaces").then().statusCode(200)
                .body("driver", equalTo("simulated"))
                .body("interfaces.name", contains("eth0", "eth1", "eth2", "eth3"))
                .body("interfaces.find { it.name == 'eth0' }.management", equalTo(true))
                .body("interfaces.find { it.name == 'eth1' }.physical", equalTo(true));
    }

    @Test
    void aBridgeIsPutIdempotentlyOnOneHostOnlyAndDeletedTwice() {
        as(host1).body(onNic("eth1")).put(HOST_1 + "/bridges/xpbr1").then().statusCode(204);
        as(host1).body(onNic("eth1")).put(HOST_1 + "/bridges/xpbr1").then().statusCode(204);
        as(host1).get(HOST_1 + "/interfaces").then()
                .body("interfaces.find { it.name == 'eth1' }.master", equalTo("xpbr1"));
        as(host2).get(HOST_2 + "/interfaces").then().body("interfaces.name", not(hasItem("xpbr1")));
        as(host1).delete(HOST_1 + "/bridges/xpbr1").then().statusCode(204);
        as(host1).delete(HOST_1 + "/bridges/xpbr1").then().statusCode(204);
        as(host1).get(HOST_1 + "/interfaces").then().body("interfaces.name", not(hasItem("xpbr1")));
    }

    @Test
    void aRepeatedOperationIdActsOnlyOnce() {
        as(host1).header(DaemonProtocol.OPERATION_ID_HEADER, "op-1").body(onNic("eth2"))
                .put(HOST_1 + "/bridges/xpbr2").then().statusCode(204);
        as(host1).delete(HOST_1 + "/bridges/xpbr2").then().statusCode(204);
        as(host1).header(DaemonProtocol.OPERATION_ID_HEADER, "op-1").body(onNic("eth2"))
                .put(HOST_1 + "/bridges/xpbr2").then().statusCode(204);
        as(host1).get(HOST_1 + "/interfaces").then().body("interfaces.name", not(hasItem("xpbr2")));
    }

    @Test
    void refusalsAreProblemsWithTheControlPlanesCodes() {
        expect(as(host1).body(onNic("eth9")).put(HOST_1 + "/bridges/xpbr3"), 404, "PIF_UNKNOWN_DEVICE")
                .body("parameters.device", equalTo("eth9")).body("parameters.host", equalTo("sim-host-1"));
        expect(as(host1).body(Map.of("mtu", 1500, "uplink", Map.of("kind", "BOND", "device", "bond0",
                "members", List.of("eth1", "eth0"), "bondMode", "active-backup"))).put(HOST_1 + "/bridges/xpbr3"),
                409, "PIF_IS_MANAGEMENT_INTERFACE").body("parameters.device", equalTo("eth0"));
        expect(as(host1).body(Map.of("mtu", 9217, "uplink", Map.of("kind", "NONE"))).put(HOST_1 + "/bridges/xpbr3"),
                400, "MTU_INVALID");
        expect(as(host1).body(Map.of("mtu", 1500, "uplink", Map.of("kind", "VLAN", "device", "eth1", "tag", 4095,
                "parent", onNic("eth1")))).put(HOST_1 + "/bridges/xpbr3"), 400, "VLAN_TAG_INVALID");
        expect(as(host1).body("{\"mtu\": ").put(HOST_1 + "/bridges/xpbr3"), 400, "INVALID_FIELD");
        expect(as(host1).body(Map.of("mtu", "big")).put(HOST_1 + "/bridges/xpbr3"), 400, "INVALID_FIELD")
                .body("parameters.field", equalTo("mtu"));
        expect(as(host1).body(Map.of("mode", "sometimes")).put(HOST_1 + "/devices/eth1/ip"), 400, "INVALID_FIELD");
        expect(as(host1).body(Map.of("bridge", "xpnone", "mtu", 1500)).put(HOST_1 + "/ports/eth1"), 409, "DEVICE_BUSY");
        as(host1).get(HOST_1 + "/interfaces").then().body("interfaces.name", not(hasItem("xpbr3")));
    }

    @Test
    void anAddressIsConfiguredOnABridge() {
        as(host2).body(Map.of("mtu", 1500, "uplink", Map.of("kind", "NONE"))).put(HOST_2 + "/bridges/xpint1").then().statusCode(204);
        as(host2).body(Map.of("mode", "static", "address", "192.0.2.20", "netmask", "255.255.255.0", "dns", List.of("192.0.2.53")))
                .put(HOST_2 + "/devices/xpint1/ip").then().statusCode(204);
        as(host2).get(HOST_2 + "/interfaces").then()
                .body("interfaces.find { it.name == 'xpint1' }.addresses", contains("192.0.2.20/24"));
        as(host2).body(Map.of("mode", "none")).put(HOST_2 + "/devices/xpint1/ip").then().statusCode(204);
        as(host2).get(HOST_2 + "/interfaces").then()
                .body("interfaces.find { it.name == 'xpint1' }.addresses", empty());
        as(host2).delete(HOST_2 + "/bridges/xpint1").then().statusCode(204);
    }

    @Test
    void callsNeedTheHostsOwnControlPlaneCredential() {
        given().get(HOST_1 + "/interfaces").then().statusCode(401).body("code", equalTo("SESSION_AUTHENTICATION_FAILED"));
        as(host2).body(onNic("eth1")).put(HOST_1 + "/bridges/xpbr4").then().statusCode(401);
        as(host1).get(HOST_1 + "/interfaces").then().body("interfaces.name", not(hasItem("xpbr4")));
    }

    private static io.restassured.response.ValidatableResponse expect(io.restassured.response.Response response,
                                                                      int status, String code) {
        return response.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }
}
