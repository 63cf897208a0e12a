package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real interfaces: the packaged server, and the packaged daemon simulating two
 * hosts with the openvswitch driver, each host in its own network namespace with its own Open
 * vSwitch (userspace datapath). The hosts' NICs {@code nic1} are the two ends of one veth: a
 * trunk between them. A VLAN made through the REST API carries traffic between VMs (namespaces)
 * on the two hosts, and not into another VLAN; a PIF's static address is really configured.
 */
class RealNetworkScenarioIT {

    @TempDir
    Path workDir;

    @BeforeAll
    static void namespacesAndOpenVswitchAreAvailable() {
        String why = HostNamespaces.unavailableBecause();
        if (why != null) {
            System.out.println("RealNetworkScenarioIT SKIPPED: " + why);
        }
        assumeTrue(why == null, why);
    }

    @Test
    void aVlanMadeThroughTheApiCarriesTrafficBetweenVmsOnTwoHostsOverATrunk() throws Exception {
        String run = "xpit" + HexFormat.of().formatHex(new SecureRandom().generateSeed(2));
        Path ovsRoot = Files.createTempDirectory(Path.of("/tmp"), "xpitovs");
        try (HostNamespaces net = new HostNamespaces()) {
            String ns1 = net.namespace(run + "-sim-host-1");
            String ns2 = net.namespace(run + "-sim-host-2");
            net.veth(ns1, "nic1", ns2, "nic1");
            net.openVswitch(ns1, ovsRoot.resolve("sim-host-1"));
            net.openVswitch(ns2, ovsRoot.resolve("sim-host-2"));
            int daemonPort = FreePorts.next();
            Map<String, String> realNetwork = Map.of(
                    "xenplane.daemon.network.driver", "openvswitch",
                    "xenplane.daemon.network.namespace", run + "-{host}",
                    "xenplane.daemon.network.physical-devices", "nic[0-9]+",
                    "xenplane.daemon.network.openvswitch.db", "unix:" + ovsRoot + "/{host}/db.sock",
                    "xenplane.daemon.network.openvswitch.datapath-type", "netdev");
            try (ServerProcess server = ServerProcess.onEmbeddedDatabase(Files.createDirectories(workDir.resolve("server")),
                    FreePorts.next()).start()) {
                String tokens = server.newJoinToken() + "," + server.newJoinToken();
                try (DaemonProcess daemon = new DaemonProcess(workDir, server.url(), 2, tokens, daemonPort, realNetwork).start()) {
                    await().atMost(Duration.ofSeconds(90)).until(() ->
                            server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("id").size() == 2);
                    Map<String, UUID> hosts = server.api().get("/api/v1/hosts").then().extract().jsonPath()
                            .<Map<String, Object>>getList("$").stream()
                            .collect(Collectors.toMap(h -> (String) h.get("name"), h -> UUID.fromString((String) h.get("id"))));
                    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                            new DaemonNetworkApi(workDir, daemonPort, "sim-host-2").find("nic1").isPresent());
                    DaemonNetworkApi daemon1 = new DaemonNetworkApi(workDir, daemonPort, "sim-host-1");
                    DaemonNetworkApi daemon2 = new DaemonNetworkApi(workDir, daemonPort, "sim-host-2");
                    assertThat(daemon1.report().getString("driver")).isEqualTo("openvswitch");

                    String nic1OnHost1 = pif(server, hosts.get("sim-host-1"), "nic1");
                    String nic1OnHost2 = pif(server, hosts.get("sim-host-2"), "nic1");

                    // Two VLANs through the API, on both hosts.
                    JsonPath vlan10 = network(server, "vlan 10");
                    JsonPath vlan20 = network(server, "vlan 20");
                    assertThat(vlan(server, vlan10.getString("id"), 10).getString("status")).isEqualTo("success");
                    assertThat(vlan(server, vlan20.getString("id"), 20).getString("status")).isEqualTo("success");
                    for (DaemonNetworkApi d : List.of(daemon1, daemon2)) {
                        Map<String, Object> fake = d.find(vlan10.getString("bridge")).orElseThrow();
                        assertThat(fake.get("vlanTag")).isEqualTo(10);
                        assertThat(fake.get("vlanParent")).isEqualTo("xbnic1");
                        assertThat(d.find("nic1").orElseThrow().get("master")).isEqualTo("xbnic1");
                    }

                    // VMs plugged as a VIF hotplug would: their backends attached through the daemons.
                    String vmA = net.vm(run + "-vma", ns1, "vif1.0", "192.0.2.1");
                    net.vm(run + "-vmb", ns2, "vif2.0", "192.0.2.2");
                    net.vm(run + "-vmc", ns2, "vif3.0", "192.0.2.3");
                    attach(daemon1, "vif1.0", vlan10.getString("bridge"));
                    attach(daemon2, "vif2.0", vlan10.getString("bridge"));
                    attach(daemon2, "vif3.0", vlan20.getString("bridge"));
                    assertThat(net.reaches(vmA, "192.0.2.2")).as("VLAN 10 from host 1 to host 2 over the trunk").isTrue();
                    assertThat(net.pingOnce(vmA, "192.0.2.3")).as("VLAN 10 into VLAN 20").isFalse();

                    // A PIF's static address, applied to its bridge in each host's namespace: untagged on the trunk.
                    reconfigure(server, nic1OnHost1, "198.51.100.1");
                    reconfigure(server, nic1OnHost2, "198.51.100.2");
                    assertThat(daemon1.find("xbnic1").orElseThrow().get("addresses")).isEqualTo(List.of("198.51.100.1/24"));
                    assertThat(net.reaches(ns1, "198.51.100.2")).as("host 1 to host 2 on the PIFs' addresses").isTrue();

                    // While a VIF is attached its VLAN cannot go; detached, it goes and leaves nothing behind.
                    JsonPath refused = finished(server, server.api().delete("/api/v1/networks/" + vlan10.getString("id") + "/vlans")
                            .then().statusCode(202).extract().path("id"));
                    assertThat(refused.getString("error.code")).isEqualTo("BRIDGE_IN_USE");
                    for (var d : List.of(Map.entry(daemon1, "vif1.0"), Map.entry(daemon2, "vif2.0"), Map.entry(daemon2, "vif3.0"))) {
                        d.getKey().call().delete("/ports/" + d.getValue()).then().statusCode(204);
                    }
                    for (JsonPath network : List.of(vlan10, vlan20)) {
                        assertThat(finished(server, server.api().delete("/api/v1/networks/" + network.getString("id") + "/vlans")
                                .then().statusCode(202).extract().path("id")).getString("status")).isEqualTo("success");
                        assertThat(finished(server, server.api().delete("/api/v1/networks/" + network.getString("id"))
                                .then().statusCode(202).extract().path("id")).getString("status")).isEqualTo("success");
                    }
                    assertThat(net.pingOnce(vmA, "192.0.2.2")).isFalse();
                    for (DaemonNetworkApi d : List.of(daemon1, daemon2)) {
                        assertThat(d.interfaces()).extracting(i -> i.get("name"))
                                .doesNotContain(vlan10.getString("bridge"), vlan20.getString("bridge"));
                    }
                }
            }
        } finally {
            try (var files = Files.walk(ovsRoot)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String pif(ServerProcess server, UUID host, String device) {
        return server.api().body(Map.of("hostId", host.toString())).post("/api/v1/pifs/scan").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(p -> p.get("device").equals(device) && (Integer) p.get("vlanTag") < 0)
                .findFirst().orElseThrow(() -> new AssertionError(device + " was not discovered")).get("id").toString();
    }

    private static JsonPath network(ServerProcess server, String name) {
        return server.api().body(Map.of("name", name)).post("/api/v1/networks").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath vlan(ServerProcess server, String network, int tag) {
        return finished(server, server.api().body(Map.of("networkId", network, "device", "nic1", "tag", tag))
                .post("/api/v1/vlans").then().statusCode(202).extract().path("id"));
    }

    private static void attach(DaemonNetworkApi daemon, String port, String bridge) {
        daemon.call().body(Map.of("bridge", bridge, "mtu", 1500)).put("/ports/" + port).then().statusCode(204);
    }

    private static void reconfigure(ServerProcess server, String pif, String address) {
        server.api().body(Map.of("mode", "static", "address", address, "netmask", "255.255.255.0"))
                .post("/api/v1/pifs/" + pif + "/reconfigure-ip").then().statusCode(200)
                .body("ipConfigurationMode", equalTo("static"));
    }

    private static JsonPath finished(ServerProcess server, String task) {
        return server.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
    }
}
