package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour of a XenServer admin (issue #20): the first network listed is the management
 * network, "Pool-wide network associated with eth0" ({@code xenbr0}), and a VM with a NIC on it
 * starts, as it does in XenServer. With real processes: the packaged server and the packaged host
 * daemon with the simulated network driver, where eth0 carries the host's (simulated) address.
 */
class ManagementNetworkScenarioIT {
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path workDir;

    @Test
    void aVmWithAVifOnTheFirstNetworkListedStartsAndTheBridgeCarriesTheManagementAddress() throws Exception {
        Files.createDirectories(workDir.resolve("server"));
        int daemonPort = FreePorts.next();
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next()).start();
             DaemonProcess daemon = new DaemonProcess(workDir, server.url(), 1, server.newJoinToken(), daemonPort).start()) {
            try {
                scenario(server, new DaemonNetworkApi(awaitHost(server, workDir), daemonPort, "sim-host-1"));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
            }
        }
    }

    /** The host live, and its daemon's identity (with the credential the test reads) written. */
    private static Path awaitHost(ServerProcess server, Path stateDir) {
        await().atMost(Duration.ofSeconds(90)).until(() -> server.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 1 && Files.exists(stateDir.resolve("sim-host-1.json")));
        return stateDir;
    }

    private void scenario(ServerProcess server, DaemonNetworkApi daemon) {
        String host = server.api().get("/api/v1/hosts").then().extract().path("[0].id");
        server.api().body(Map.of("hostId", host)).post("/api/v1/pifs/scan").then().statusCode(200);
        List<String> eth0Address = addresses(daemon, "eth0");
        assertThat(eth0Address).as("the simulated host's management address").hasSize(1);

        JsonPath first = server.api().get("/api/v1/networks").then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("[0].name")).isEqualTo("Pool-wide network associated with eth0");
        assertThat(first.getString("[0].bridge")).isEqualTo("xenbr0");
        String network = first.getString("[0].id");
        String pif = server.api().get("/api/v1/pifs").then().extract().jsonPath()
                .getString("find { it.device == 'eth0' }.id");
        server.api().get("/api/v1/pifs/" + pif).then().body("management", equalTo(true));

        String vm = server.api().body(Map.of("template", TEMPLATE, "name", "on the management network"))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id");
        String vif = server.api().body(Map.of("vmId", vm, "device", 0, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(201).extract().path("id");
        JsonPath start = operation(server, vm, "start");
        assertThat(start.getString("status")).as(start.prettify()).isEqualTo("success");
        server.api().get("/api/v1/vms/" + vm).then().body("powerState", equalTo("running"));
        server.api().get("/api/v1/vifs/" + vif).then().body("currentlyAttached", equalTo(true));

        // As in XenServer: eth0 is xenbr0's uplink, the management address lives on xenbr0, eth0 stays management.
        assertThat(daemon.find("eth0").orElseThrow().get("master")).isEqualTo("xenbr0");
        assertThat(addresses(daemon, "eth0")).isEmpty();
        assertThat(addresses(daemon, "xenbr0")).isEqualTo(eth0Address);
        server.api().body(Map.of("hostId", host)).post("/api/v1/pifs/scan").then().statusCode(200);
        server.api().get("/api/v1/pifs/" + pif).then().body("management", equalTo(true))
                .body("currentlyAttached", equalTo(true));
        server.api().body(Map.of("mode", "dhcp")).post("/api/v1/pifs/" + pif + "/reconfigure-ip").then()
                .statusCode(409).body("code", equalTo("PIF_IS_MANAGEMENT_INTERFACE"));

        // Stopped and started again: the same bridge, nothing moves twice.
        assertThat(operation(server, vm, "hard-shutdown").getString("status")).isEqualTo("success");
        assertThat(operation(server, vm, "start").getString("status")).isEqualTo("success");
        assertThat(addresses(daemon, "xenbr0")).isEqualTo(eth0Address);
    }

    @SuppressWarnings("unchecked")
    private static List<String> addresses(DaemonNetworkApi daemon, String device) {
        return (List<String>) daemon.find(device).orElseThrow().get("addresses");
    }

    /** Runs a VM operation and waits for its task; answers the finished task. */
    private static JsonPath operation(ServerProcess server, String vm, String operation) {
        Response answer = server.api().post("/api/v1/vms/" + vm + "/" + operation);
        assertThat(answer.statusCode()).as("%s: %s", operation, answer.asString()).isIn(200, 202);
        String task = answer.getHeader("Xenplane-Task");
        assertThat(task).as("%s answered %s", operation, answer.asString()).isNotNull();
        return server.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
    }
}
