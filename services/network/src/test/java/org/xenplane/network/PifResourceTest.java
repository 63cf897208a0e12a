package org.xenplane.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.network.TestPool.DAEMON;
import static org.xenplane.network.TestPool.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.IpMode;
import org.xenplane.daemon.protocol.network.UplinkKind;
import org.xenplane.testing.EmbeddedPostgresResource;

/** PIFs: discovered from each host's daemon and kept current; IP reconfiguration. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PifResourceTest {

    @Inject
    DaemonCredentials credentials;

    @Inject
    EntityManager em;

    @Inject
    org.xenplane.network.service.PifDiscovery discovery;

    @Test
    void aScanGivesEachNicAPifOnAPoolWideNetworkSharedByTheHostsWithThatNic() {
        String nic = TestPool.unique("n");
        UUID a = TestPool.join(credentials, TestPool.unique("h"), "mgmt0", nic);
        UUID b = TestPool.join(credentials, TestPool.unique("h"), "mgmt0", nic);
        Map<String, JsonPath> onA = TestPool.scan(a);
        Map<String, JsonPath> onB = TestPool.scan(b);
        assertThat(onA.keySet()).containsExactly("mgmt0", nic);
        JsonPath pif = onA.get(nic);
        assertThat(pif.getBoolean("physical")).isTrue();
        assertThat(pif.getBoolean("management")).isFalse();
        assertThat(pif.getBoolean("currentlyAttached")).isFalse();
        assertThat(pif.getInt("vlanTag")).isEqualTo(-1);
        assertThat(pif.getString("ipConfigurationMode")).isEqualTo("none");
        assertThat(pif.getList("allowedOperations")).containsExactly("reconfigure_ip");
        assertThat(onA.get("mgmt0").getBoolean("management")).isTrue();
        assertThat(onA.get("mgmt0").getList("allowedOperations")).isEmpty();
        assertThat(onB.get(nic).getString("networkId")).isEqualTo(pif.getString("networkId"));
        admin().get("/api/v1/networks/" + pif.getString("networkId")).then()
                .body("bridge", equalTo("xb" + nic)).body("name", equalTo("Pool-wide network associated with " + nic))
                .body("internal", equalTo(false));
        assertThat(admin().get("/api/v1/pifs?host=" + a).then().statusCode(200).extract().jsonPath().getList("id")).hasSize(2);
        assertThat(TestPool.scan(a).keySet()).containsExactly("mgmt0", nic);
    }

    @Test
    void aScanFollowsTheHostsNicsAndBridges() {
        String name = TestPool.unique("h");
        String nic = TestPool.unique("n");
        String gone = TestPool.unique("n");
        UUID host = TestPool.join(credentials, name, "mgmt0", nic, gone);
        String goneId = TestPool.scan(host).get(gone).getString("id");
        DAEMON.host(name).nic(nic, "02:aa:bb:cc:dd:ee", 9000, false);
        DAEMON.host(name).nics.removeIf(n -> n.name().equals(gone));
        DAEMON.host(name).bridges.put("xb" + nic, new BridgeSpec("xb" + nic, 9000, null));
        Map<String, JsonPath> after = TestPool.scan(host);
        assertThat(after.keySet()).containsExactly("mgmt0", nic);
        assertThat(after.get(nic).getString("mac")).isEqualTo("02:aa:bb:cc:dd:ee");
        assertThat(after.get(nic).getInt("mtu")).isEqualTo(9000);
        assertThat(after.get(nic).getBoolean("currentlyAttached")).isTrue();
        admin().get("/api/v1/pifs/" + goneId).then().statusCode(404);
    }

    @Test
    void thePeriodicScanFindsNewNicsAndForgetsTheHostsThePoolForgot() {
        String name = TestPool.unique("h");
        UUID host = TestPool.join(credentials, name, "mgmt0");
        discovery.scanLiveHostsNow();
        assertThat(TestPool.scan(host)).containsOnlyKeys("mgmt0");
        String nic = TestPool.unique("n");
        DAEMON.host(name).nic(nic, "02:00:00:00:00:99", 1500, false);
        discovery.scanLiveHostsNow();
        assertThat(admin().get("/api/v1/pifs?host=" + host).then().extract().jsonPath().getList("device")).contains(nic);
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update host set live = false where id = ?1").setParameter(1, host).executeUpdate());
        admin().delete("/api/v1/hosts/" + host).then().statusCode(204);
        discovery.scanLiveHostsNow();
        assertThat(admin().get("/api/v1/pifs?host=" + host).then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void reconfiguringAStaticAddressMakesThePifsBridgeAndAddressesIt() {
        String name = TestPool.unique("h");
        String nic = TestPool.unique("n");
        UUID host = TestPool.join(credentials, name, "mgmt0", nic);
        String pif = TestPool.scan(host).get(nic).getString("id");
        admin().body(Map.of("mode", "static", "address", "192.0.2.10", "netmask", "255.255.255.0",
                        "gateway", "192.0.2.1", "dns", List.of("192.0.2.53")))
                .post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(200)
                .body("ipConfigurationMode", equalTo("static")).body("ip", equalTo("192.0.2.10"))
                .body("netmask", equalTo("255.255.255.0")).body("gateway", equalTo("192.0.2.1"))
                .body("dns[0]", equalTo("192.0.2.53")).body("currentlyAttached", equalTo(true));
        BridgeSpec bridge = DAEMON.host(name).bridges.get("xb" + nic);
        assertThat(bridge.uplink().kind()).isEqualTo(UplinkKind.DEVICE);
        assertThat(bridge.uplink().device()).isEqualTo(nic);
        assertThat(DAEMON.host(name).addresses.get("xb" + nic).mode()).isEqualTo(IpMode.STATIC);
        admin().body(Map.of("mode", "dhcp")).post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(200)
                .body("ipConfigurationMode", equalTo("dhcp")).body("ip", equalTo(null));
    }

    @Test
    void badConfigurationsAndTheManagementInterfaceAreRefusedBeforeAnyDaemonCall() {
        String name = TestPool.unique("h");
        String nic = TestPool.unique("n");
        UUID host = TestPool.join(credentials, name, "mgmt0", nic);
        Map<String, JsonPath> pifs = TestPool.scan(host);
        String pif = pifs.get(nic).getString("id");
        DAEMON.clearCalls();
        refused(pif, Map.of("mode", "static", "address", "192.0.2.300", "netmask", "255.255.255.0"), 400, "INVALID_FIELD", "address");
        refused(pif, Map.of("mode", "static", "address", "192.0.2.10"), 400, "INVALID_FIELD", "netmask");
        refused(pif, Map.of("mode", "static", "address", "192.0.2.10", "netmask", "255.0.255.0"), 400, "INVALID_FIELD", "netmask");
        refused(pif, Map.of("mode", "static", "address", "192.0.2.10", "netmask", "255.255.255.0", "gateway", "198.51.100.1"),
                400, "INVALID_FIELD", "gateway");
        refused(pif, Map.of("mode", "static", "address", "example.com", "netmask", "255.255.255.0"), 400, "INVALID_FIELD", "address");
        refused(pif, Map.of("mode", "none", "address", "192.0.2.10"), 400, "INVALID_FIELD", "address");
        refused(pif, Map.of("mode", "dhcp", "dns", List.of("resolver")), 400, "INVALID_FIELD", "dns");
        admin().body(Map.of("mode", "sometimes")).post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        admin().body(Map.of("mode", "dhcp")).post("/api/v1/pifs/" + pifs.get("mgmt0").getString("id") + "/reconfigure-ip")
                .then().statusCode(409).body("code", equalTo("PIF_IS_MANAGEMENT_INTERFACE"))
                .body("parameters.device", equalTo("mgmt0"));
        assertThat(DAEMON.calls(name, "PUT")).isEmpty();
    }

    private static void refused(String pif, Map<String, Object> body, int status, String code, String field) {
        admin().body(body).post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(status)
                .body("code", equalTo(code)).body("parameters.field", equalTo(field));
    }

    @Test
    void theDaemonsRefusalReachesTheClientAndThePifIsUnchanged() {
        String name = TestPool.unique("h");
        String nic = TestPool.unique("n");
        UUID host = TestPool.join(credentials, name, "mgmt0", nic);
        String pif = TestPool.scan(host).get(nic).getString("id");
        DAEMON.refuseNextChange(name, "DEVICE_BUSY");
        admin().body(Map.of("mode", "static", "address", "192.0.2.10", "netmask", "255.255.255.0"))
                .post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(409)
                .body("code", equalTo("DEVICE_BUSY")).body("parameters.reason", equalTo("is a port of br9"));
        admin().get("/api/v1/pifs/" + pif).then().body("ipConfigurationMode", equalTo("none")).body("version", equalTo(0));
    }

    @Test
    void aHostThatIsNotLiveIsOffline() {
        String nic = TestPool.unique("n");
        UUID host = TestPool.join(credentials, TestPool.unique("h"), "mgmt0", nic);
        String pif = TestPool.scan(host).get(nic).getString("id");
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update host set live = false where id = ?1").setParameter(1, host).executeUpdate());
        admin().body(Map.of("mode", "none")).post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(503)
                .body("code", equalTo("HOST_OFFLINE"));
        admin().body(Map.of("hostId", host.toString())).post("/api/v1/pifs/scan").then().statusCode(503)
                .body("code", equalTo("HOST_OFFLINE"));
        admin().body(Map.of("hostId", UUID.randomUUID().toString())).post("/api/v1/pifs/scan").then().statusCode(404)
                .body("code", equalTo("HANDLE_INVALID")).body("parameters.class", equalTo("host"));
    }
}
