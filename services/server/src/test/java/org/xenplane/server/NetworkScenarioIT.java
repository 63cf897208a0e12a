package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks with real processes: the packaged server and the packaged host daemon simulating two
 * hosts with the simulated network driver (the default: nothing on this machine is touched). The
 * control plane discovers each host's NICs, makes a VLAN on both hosts, a bond on one, addresses
 * a PIF; each daemon reports the interfaces that made, and undoing it all leaves nothing behind.
 */
class NetworkScenarioIT {

    @TempDir
    Path workDir;

    @Test
    void vlansBondsAndAddressesReachTheDaemonsAndUndoingThemLeavesNothingBehind() throws Exception {
        int daemonPort = FreePorts.next();
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(java.nio.file.Files.createDirectories(workDir.resolve("server")), FreePorts.next()).start()) {
            String tokens = server.newJoinToken() + "," + server.newJoinToken();
            try (DaemonProcess daemon = new DaemonProcess(workDir, server.url(), 2, tokens, daemonPort).start()) {
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("id").size() == 2);
                Map<String, UUID> hosts = server.api().get("/api/v1/hosts").then().extract().jsonPath()
                        .<Map<String, Object>>getList("$").stream()
                        .collect(Collectors.toMap(h -> (String) h.get("name"), h -> UUID.fromString((String) h.get("id"))));
                UUID host1 = hosts.get("sim-host-1");
                UUID host2 = hosts.get("sim-host-2");
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        new DaemonNetworkApi(workDir, daemonPort, "sim-host-2").interfaces().size() == 4);
                DaemonNetworkApi daemon1 = new DaemonNetworkApi(workDir, daemonPort, "sim-host-1");
                DaemonNetworkApi daemon2 = new DaemonNetworkApi(workDir, daemonPort, "sim-host-2");
                Map<String, Object> before1 = daemon1.report().getMap("$");
                Map<String, Object> before2 = daemon2.report().getMap("$");

                Map<String, String> pifs1 = scan(server, host1);
                Map<String, String> pifs2 = scan(server, host2);
                assertThat(pifs1).containsOnlyKeys("eth0", "eth1", "eth2", "eth3");
                server.api().get("/api/v1/pifs/" + pifs1.get("eth0")).then().body("management", equalTo(true));
                String eth1Network = server.api().get("/api/v1/pifs/" + pifs1.get("eth1")).then().extract().path("networkId");
                server.api().get("/api/v1/pifs/" + pifs2.get("eth1")).then().body("networkId", equalTo(eth1Network));

                // A VLAN on both hosts: each daemon makes eth1.10 in the VLAN network's bridge.
                JsonPath vlanNetwork = server.api().body(Map.of("name", "vlan 10")).post("/api/v1/networks").then()
                        .statusCode(201).extract().jsonPath();
                String bridge = vlanNetwork.getString("bridge");
                JsonPath task = finished(server, server.api().body(Map.of("networkId", vlanNetwork.getString("id"),
                        "device", "eth1", "tag", 10)).post("/api/v1/vlans").then().statusCode(202).extract().path("id"));
                assertThat(task.getString("status")).as(task.prettify()).isEqualTo("success");
                for (DaemonNetworkApi d : List.of(daemon1, daemon2)) {
                    Map<String, Object> vlan = d.find("eth1.10").orElseThrow();
                    assertThat(vlan.get("kind")).isEqualTo("VLAN");
                    assertThat(vlan.get("vlanTag")).isEqualTo(10);
                    assertThat(vlan.get("master")).isEqualTo(bridge);
                    assertThat(d.find(bridge).orElseThrow().get("kind")).isEqualTo("BRIDGE");
                }

                // An address on host 2's eth2: its network's bridge gets it.
                server.api().body(Map.of("mode", "static", "address", "192.0.2.20", "netmask", "255.255.255.0"))
                        .post("/api/v1/pifs/" + pifs2.get("eth2") + "/reconfigure-ip").then().statusCode(200)
                        .body("currentlyAttached", equalTo(true));
                assertThat(daemon2.find("xenbr2").orElseThrow().get("addresses")).isEqualTo(List.of("192.0.2.20/24"));
                assertThat(daemon2.find("eth2").orElseThrow().get("master")).isEqualTo("xenbr2");
                server.api().body(Map.of("mode", "none")).post("/api/v1/pifs/" + pifs2.get("eth0") + "/reconfigure-ip")
                        .then().statusCode(409).body("code", equalTo("PIF_IS_MANAGEMENT_INTERFACE"));

                // A bond on host 1; on host 2 the daemon refuses (eth2 is in xenbr2) and nothing is recorded.
                JsonPath bondNetwork = server.api().body(Map.of("name", "bonded")).post("/api/v1/networks").then()
                        .statusCode(201).extract().jsonPath();
                String bond = server.api().body(Map.of("networkId", bondNetwork.getString("id"),
                                "members", List.of(pifs1.get("eth2"), pifs1.get("eth3")), "mode", "active-backup"))
                        .post("/api/v1/bonds").then().statusCode(201).extract().path("id");
                Map<String, Object> bond0 = daemon1.find("bond0").orElseThrow();
                assertThat(bond0.get("members")).isEqualTo(List.of("eth2", "eth3"));
                assertThat(bond0.get("bondMode")).isEqualTo("active-backup");
                assertThat(bond0.get("master")).isEqualTo(bondNetwork.getString("bridge"));
                String other = server.api().body(Map.of("name", "refused bond")).post("/api/v1/networks").then()
                        .statusCode(201).extract().path("id");
                server.api().body(Map.of("networkId", other, "members", List.of(pifs2.get("eth2"), pifs2.get("eth3")),
                                "mode", "lacp")).post("/api/v1/bonds").then().statusCode(409)
                        .body("code", equalTo("DEVICE_BUSY")).body("parameters.device", equalTo("eth2"));
                assertThat(daemon2.find("bond0")).isEmpty();
                server.api().get("/api/v1/pifs/" + pifs2.get("eth2")).then().body("bondSlaveOf", equalTo(null));

                // A VIF keeps its network; then everything is undone.
                String vm = server.api().body(Map.of("template", "6a1f2d3e-0000-4000-8000-000000000001", "name", "with a NIC"))
                        .post("/api/v1/vms").then().statusCode(201).extract().path("id");
                server.api().body(Map.of("vmId", UUID.randomUUID().toString(), "device", 0,
                        "networkId", vlanNetwork.getString("id"))).post("/api/v1/vifs").then().statusCode(404)
                        .body("code", equalTo("HANDLE_INVALID"));
                String vif = server.api().body(Map.of("vmId", vm, "device", 0,
                        "networkId", vlanNetwork.getString("id"))).post("/api/v1/vifs").then().statusCode(201).extract().path("id");
                server.api().delete("/api/v1/networks/" + vlanNetwork.getString("id")).then().statusCode(409)
                        .body("code", equalTo("NETWORK_IN_USE"));
                server.api().delete("/api/v1/vifs/" + vif).then().statusCode(204);
                assertThat(finished(server, server.api().delete("/api/v1/networks/" + vlanNetwork.getString("id") + "/vlans")
                        .then().statusCode(202).extract().path("id")).getString("status")).isEqualTo("success");
                server.api().delete("/api/v1/bonds/" + bond).then().statusCode(204);
                server.api().body(Map.of("mode", "none")).post("/api/v1/pifs/" + pifs2.get("eth2") + "/reconfigure-ip")
                        .then().statusCode(200);
                for (String network : List.of(vlanNetwork.getString("id"), bondNetwork.getString("id"), other)) {
                    assertThat(finished(server, server.api().delete("/api/v1/networks/" + network).then().statusCode(202)
                            .extract().path("id")).getString("status")).isEqualTo("success");
                }
                assertThat(daemon1.find(bridge)).isEmpty();
                assertThat(daemon1.find("bond0")).isEmpty();
                assertThat(daemon1.report().getMap("$")).isEqualTo(before1);
                // host 2's eth2 stays in xenbr2, the bridge of its PIF: only its address is gone
                assertThat(daemon2.find("xenbr2").orElseThrow().get("addresses")).isEqualTo(List.of());
                assertThat(daemon2.find("eth1.10")).isEmpty();
                Map<String, Object> after2 = daemon2.report().getMap("$");
                assertThat(withoutDevices(after2, "xenbr2", "eth2")).isEqualTo(withoutDevices(before2, "xenbr2", "eth2"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> withoutDevices(Map<String, Object> report, String... names) {
        List<String> skip = List.of(names);
        return ((List<Map<String, Object>>) report.get("interfaces")).stream()
                .filter(i -> !skip.contains((String) i.get("name"))).map(i -> (Object) i).toList();
    }

    private static Map<String, String> scan(ServerProcess server, UUID host) {
        return server.api().body(Map.of("hostId", host.toString())).post("/api/v1/pifs/scan").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(p -> (Integer) p.get("vlanTag") < 0)
                .collect(Collectors.toMap(p -> (String) p.get("device"), p -> (String) p.get("id")));
    }

    private static JsonPath finished(ServerProcess server, String task) {
        return server.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
    }
}
