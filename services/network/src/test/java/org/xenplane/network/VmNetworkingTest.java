package org.xenplane.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.network.Nic;
import org.xenplane.network.service.NetworkingForVms;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.UplinkKind;
import org.xenplane.testing.EmbeddedPostgresResource;

/** What the VM service calls (core's VmNetworking, implemented by NetworkingForVms), against the network service's records and the daemons. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmNetworkingTest {

    @Inject
    DaemonCredentials credentials;

    @Inject
    NetworkingForVms vmNetworking;

    @Test
    void nicsForAVmCarryBridgeMacMtuAndModelInDeviceOrder() {
        JsonPath a = TestPool.network("front");
        JsonPath b = TestPool.network("back");
        UUID vm = UUID.randomUUID();
        admin().body(Map.of("vmId", vm.toString(), "device", 1, "networkId", b.getString("id"), "mtu", 1400, "model", "e1000"))
                .post("/api/v1/vifs").then().statusCode(201);
        String mac = admin().body(Map.of("vmId", vm.toString(), "device", 0, "networkId", a.getString("id")))
                .post("/api/v1/vifs").then().statusCode(201).extract().path("mac");
        List<Nic> nics = vmNetworking.nicsForVm(vm);
        assertThat(nics).extracting(Nic::device).containsExactly(0, 1);
        assertThat(nics.get(0).bridge()).isEqualTo(a.getString("bridge"));
        assertThat(nics.get(0).mac()).isEqualTo(mac);
        assertThat(nics.get(0).mtu()).isEqualTo(1500);
        assertThat(nics.get(0).model()).isEqualTo("rtl8139");
        assertThat(nics.get(1).bridge()).isEqualTo(b.getString("bridge"));
        assertThat(nics.get(1).mtu()).isEqualTo(1400);
        assertThat(nics.get(1).model()).isEqualTo("e1000");
        assertThat(vmNetworking.networksOfVm(vm)).containsExactly(UUID.fromString(a.getString("id")), UUID.fromString(b.getString("id")));
        assertThat(vmNetworking.nicsForVm(UUID.randomUUID())).isEmpty();
    }

    @Test
    void ensuringNetworksOnAHostMakesEachBridgeWithItsUplinkThere() {
        String name = TestPool.unique("h");
        String nic = TestPool.unique("n");
        UUID host = TestPool.join(credentials, name, "mgmt0", nic);
        UUID physical = UUID.fromString(TestPool.scan(host).get(nic).getString("networkId"));
        JsonPath internal = TestPool.network("internal");
        UUID internalId = UUID.fromString(internal.getString("id"));
        vmNetworking.ensureBridges(host, List.of(physical, internalId, physical));
        BridgeSpec onNic = DAEMON.host(name).bridges.get("xb" + nic);
        assertThat(onNic.uplink().kind()).isEqualTo(UplinkKind.DEVICE);
        assertThat(onNic.uplink().device()).isEqualTo(nic);
        assertThat(DAEMON.host(name).bridges.get(internal.getString("bridge")).uplink().kind()).isEqualTo(UplinkKind.NONE);
        assertThat(DAEMON.calls(name, "PUT")).allSatisfy(c -> assertThat(c.operationId()).isNotBlank());
    }

    @Test
    void aHostWithoutAPifOnANetworkCannotAttachItAndNothingIsMade() {
        String nic = TestPool.unique("n");
        UUID withNic = TestPool.join(credentials, TestPool.unique("h"), "mgmt0", nic);
        String without = TestPool.unique("h");
        UUID withoutId = TestPool.join(credentials, without, "mgmt0");
        UUID physical = UUID.fromString(TestPool.scan(withNic).get(nic).getString("networkId"));
        UUID internal = UUID.fromString(TestPool.network("fine anywhere").getString("id"));
        vmNetworking.assertHostReaches(withNic, List.of(physical, internal));
        vmNetworking.assertHostReaches(withoutId, List.of(internal));
        assertThatThrownBy(() -> vmNetworking.ensureBridges(withoutId, List.of(internal, physical)))
                .isInstanceOfSatisfying(XenplaneException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.HOST_CANNOT_ATTACH_NETWORK);
                    assertThat(e.parameters()).containsEntry("network", physical.toString());
                });
        assertThat(DAEMON.calls(without, "PUT")).isEmpty();
    }

    @Test
    void anUnmanagedNetworksBridgeMustAlreadyBeThere() {
        String name = TestPool.unique("h");
        UUID host = TestPool.join(credentials, name, "mgmt0");
        String bridge = TestPool.unique("adm");
        UUID network = UUID.fromString(admin().body(Map.of("name", "admin's bridge", "bridge", bridge, "managed", false))
                .post("/api/v1/networks").then().statusCode(201).extract().path("id"));
        assertThatThrownBy(() -> vmNetworking.ensureBridges(host, List.of(network)))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRIDGE_MISSING));
        DAEMON.host(name).bridges.put(bridge, new BridgeSpec(bridge, 1500, null));
        DAEMON.clearCalls();
        vmNetworking.ensureBridges(host, List.of(network));
        assertThat(DAEMON.calls(name, "PUT")).isEmpty();
    }

    @Test
    void markingAVmsVifsAttachedChangesThemWithEventsShapedLikeTheApi() {
        String network = TestPool.network("events").getString("id");
        UUID vm = UUID.randomUUID();
        String vif = admin().body(Map.of("vmId", vm.toString(), "device", 0, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(201).extract().path("id");
        long from = admin().get("/api/v1/events").then().extract().jsonPath().getLong("token");
        vmNetworking.setVifsAttached(vm, true);
        vmNetworking.setVifsAttached(vm, true);
        admin().get("/api/v1/vifs/" + vif).then().statusCode(200)
                .body("currentlyAttached", org.hamcrest.Matchers.equalTo(true));
        JsonPath events = admin().get("/api/v1/events?from=" + from + "&classes=vif&timeout=5").then().extract().jsonPath();
        assertThat(events.getList("events.ref")).containsExactly(vif);
        assertThat(events.getBoolean("events[0].snapshot.currentlyAttached")).isTrue();
        assertThat(events.getList("events[0].snapshot.allowedOperations")).containsExactly("unplug");
        vmNetworking.setVifsAttached(vm, false);
        admin().get("/api/v1/vifs/" + vif).then().body("currentlyAttached", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void destroyingAVmsVifsDeletesThemWithDelEvents() {
        String network = TestPool.network("vm going away").getString("id");
        UUID vm = UUID.randomUUID();
        List<String> vifs = List.of(0, 1).stream().map(device -> admin().body(Map.of("vmId", vm.toString(), "device", device,
                "networkId", network)).post("/api/v1/vifs").then().statusCode(201).extract().<String>path("id")).toList();
        long from = admin().get("/api/v1/events").then().extract().jsonPath().getLong("token");
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> vmNetworking.destroyVifs(vm))).isEqualTo(2);
        assertThat(admin().get("/api/v1/vifs?vm=" + vm).then().extract().jsonPath().getList("id")).isEmpty();
        JsonPath events = admin().get("/api/v1/events?from=" + from + "&classes=vif&timeout=5").then().extract().jsonPath();
        assertThat(events.getList("events.operation")).containsExactly("del", "del");
        assertThat(events.getList("events.ref")).containsExactlyElementsOf(vifs);
        assertThat(events.getString("events[0].snapshot.mac")).isNotBlank();
        admin().delete("/api/v1/networks/" + network).then().statusCode(202);
    }
}
