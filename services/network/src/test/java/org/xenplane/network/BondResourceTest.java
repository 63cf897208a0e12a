package org.xenplane.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.network.TestPool.DAEMON;
import static org.xenplane.network.TestPool.admin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.daemon.protocol.network.BondMode;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.UplinkKind;
import org.xenplane.testing.EmbeddedPostgresResource;

/** Bonds of a host's NICs. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BondResourceTest {

    @Inject
    DaemonCredentials credentials;

    private record Host(String name, UUID id, Map<String, JsonPath> pifs, String nic1, String nic2) {
        String pif(String device) {
            return pifs.get(device).getString("id");
        }
    }

    private Host aHostWithTwoNics() {
        String name = TestPool.unique("h");
        String nic1 = TestPool.unique("n");
        String nic2 = TestPool.unique("n");
        UUID id = TestPool.join(credentials, name, "mgmt0", nic1, nic2);
        return new Host(name, id, TestPool.scan(id), nic1, nic2);
    }

    private static io.restassured.response.ValidatableResponse bond(String network, List<String> members, String mode) {
        return admin().body(Map.of("networkId", network, "members", members, "mode", mode)).post("/api/v1/bonds").then();
    }

    @Test
    void aBondIsMadeOnItsHostWithAMasterPifOverItsMembers() {
        Host host = aHostWithTwoNics();
        String network = TestPool.network("bonded").getString("id");
        JsonPath bond = bond(network, List.of(host.pif(host.nic2()), host.pif(host.nic1())), "lacp").statusCode(201)
                .body("mode", equalTo("lacp")).body("hostId", equalTo(host.id().toString()))
                .body("networkId", equalTo(network)).body("allowedOperations", contains("destroy"))
                .body("members", containsInAnyOrder(host.pif(host.nic1()), host.pif(host.nic2())))
                .extract().jsonPath();
        String bridge = admin().get("/api/v1/networks/" + network).then().extract().path("bridge");
        BridgeSpec spec = DAEMON.host(host.name()).bridges.get(bridge);
        assertThat(spec.uplink().kind()).isEqualTo(UplinkKind.BOND);
        assertThat(spec.uplink().device()).isEqualTo("bond0");
        assertThat(spec.uplink().bondMode()).isEqualTo(BondMode.LACP);
        assertThat(spec.uplink().members()).containsExactlyInAnyOrder(host.nic1(), host.nic2());
        admin().get("/api/v1/pifs/" + bond.getString("master")).then().body("device", equalTo("bond0"))
                .body("mac", equalTo(host.pifs().get(host.nic1().compareTo(host.nic2()) < 0 ? host.nic1() : host.nic2()).getString("mac")))
                .body("bondMasterOf", equalTo(bond.getString("id"))).body("currentlyAttached", equalTo(true));
        admin().get("/api/v1/pifs/" + host.pif(host.nic1())).then().body("bondSlaveOf", equalTo(bond.getString("id")))
                .body("allowedOperations", empty());

        admin().delete("/api/v1/bonds/" + bond.getString("id")).then().statusCode(204);
        assertThat(DAEMON.host(host.name()).bridges).doesNotContainKey(bridge);
        admin().get("/api/v1/pifs/" + host.pif(host.nic1())).then().body("bondSlaveOf", equalTo(null));
        admin().get("/api/v1/pifs/" + bond.getString("master")).then().statusCode(404);
    }

    @Test
    void badBondsAreRefusedWithCodes() {
        Host host = aHostWithTwoNics();
        Host other = aHostWithTwoNics();
        String network = TestPool.network("bad bonds").getString("id");
        bond(network, List.of(host.pif(host.nic1())), "active-backup").statusCode(400)
                .body("code", equalTo("PIF_BOND_NEEDS_MORE_MEMBERS"));
        bond(network, List.of(host.pif(host.nic1()), host.pif(host.nic1())), "active-backup").statusCode(400)
                .body("code", equalTo("PIF_BOND_NEEDS_MORE_MEMBERS"));
        bond(network, List.of(host.pif(host.nic1()), other.pif(other.nic1())), "active-backup").statusCode(400)
                .body("code", equalTo("PIF_CANNOT_BOND_CROSS_HOST"));
        bond(network, List.of(host.pif(host.nic1()), host.pif("mgmt0")), "active-backup").statusCode(409)
                .body("code", equalTo("PIF_IS_MANAGEMENT_INTERFACE"));
        bond(network, List.of(host.pif(host.nic1()), host.pif(host.nic2())), "round-robin").statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        bond(network, List.of(host.pif(host.nic1()), UUID.randomUUID().toString()), "lacp").statusCode(404)
                .body("code", equalTo("HANDLE_INVALID"));
        admin().body(Map.of("networkId", network, "members", List.of(host.pif(host.nic1()), host.pif(host.nic2())),
                "mode", "lacp", "mac", "01:00:5e:00:00:01")).post("/api/v1/bonds").then().statusCode(400)
                .body("code", equalTo("MAC_INVALID"));
        assertThat(admin().get("/api/v1/bonds").then().extract().jsonPath().<String>getList("networkId")).doesNotContain(network);
    }

    @Test
    void aDaemonRefusingTheBondLeavesNoRecordAndAMemberCannotBeBondedTwice() {
        Host host = aHostWithTwoNics();
        String network = TestPool.network("refused bond").getString("id");
        DAEMON.refuseNextChange(host.name(), "DEVICE_BUSY");
        bond(network, List.of(host.pif(host.nic1()), host.pif(host.nic2())), "balance-slb").statusCode(409)
                .body("code", equalTo("DEVICE_BUSY"));
        admin().get("/api/v1/pifs/" + host.pif(host.nic1())).then().body("bondSlaveOf", equalTo(null));
        assertThat(TestPool.scan(host.id())).doesNotContainKey("bond0");

        String id = bond(network, List.of(host.pif(host.nic1()), host.pif(host.nic2())), "balance-slb").statusCode(201)
                .extract().path("id");
        String another = TestPool.network("second bond").getString("id");
        bond(another, List.of(host.pif(host.nic1()), host.pif(host.nic2())), "lacp").statusCode(409)
                .body("code", equalTo("PIF_ALREADY_BONDED"));
        admin().body(Map.of("mode", "dhcp")).post("/api/v1/pifs/" + host.pif(host.nic1()) + "/reconfigure-ip").then()
                .statusCode(409).body("code", equalTo("PIF_ALREADY_BONDED"));
        admin().delete("/api/v1/bonds/" + id).then().statusCode(204);
    }

    @Test
    void aVlanOnABondTagsTheBondAndKeepsItFromBeingDestroyed() {
        Host host = aHostWithTwoNics();
        String bonded = TestPool.network("bond for vlans").getString("id");
        String bond = bond(bonded, List.of(host.pif(host.nic1()), host.pif(host.nic2())), "active-backup").statusCode(201)
                .extract().path("id");
        String vlanNetwork = TestPool.network("vlan on bond").getString("id");
        String task = admin().body(Map.of("networkId", vlanNetwork, "device", "bond0", "tag", 7)).post("/api/v1/vlans")
                .then().statusCode(202).extract().path("id");
        JsonPath done = TestPool.finished(task);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("success");
        String bridge = admin().get("/api/v1/networks/" + vlanNetwork).then().extract().path("bridge");
        BridgeSpec spec = DAEMON.host(host.name()).bridges.get(bridge);
        assertThat(spec.uplink().kind()).isEqualTo(UplinkKind.VLAN);
        assertThat(spec.uplink().device()).isEqualTo("bond0");
        assertThat(spec.uplink().parent().uplink().kind()).isEqualTo(UplinkKind.BOND);
        admin().delete("/api/v1/bonds/" + bond).then().statusCode(409).body("code", equalTo("PIF_IN_USE"));
        admin().get("/api/v1/bonds/" + bond).then().body("allowedOperations", empty());
        String vlanTask = admin().delete("/api/v1/networks/" + vlanNetwork + "/vlans").then().statusCode(202).extract().path("id");
        TestPool.finished(vlanTask);
        admin().delete("/api/v1/bonds/" + bond).then().statusCode(204);
    }
}
