package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon restarts under running VMs, with real processes: the packaged server and a packaged
 * daemon simulating two hosts, one VM running on each. The daemon is stopped (SIGTERM, as
 * {@code ./xenplane down} does) and started again on the same state directory: it adopts the
 * domains, which outlived it as Xen's outlive their toolstack. Then one guest powers off by itself
 * and its VM is seen halted; the report that says so lists the other VM's domain too, unchanged
 * (same host, same domid, still running, no message), and that guest's reboot is still handled
 * (it runs on with a new domid).
 */
class DaemonRestartScenarioIT {
    private static final long MIB = 1L << 20;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path workDir;

    @Test
    void runningVmsSurviveADaemonRestartAndTheirGuestsAreStillWatched() throws Exception {
        Path serverDir = Files.createDirectories(workDir.resolve("server"));
        Path daemonDir = Files.createDirectories(workDir.resolve("daemon"));
        int daemonPort = FreePorts.next();
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(serverDir, FreePorts.next()).start()) {
            String tokens = server.newJoinToken() + "," + server.newJoinToken();
            DaemonProcess daemon = daemon(server, daemonDir, tokens, daemonPort).start();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> liveHosts(server).size() == 2
                        && Files.exists(daemonDir.resolve("sim-host-1.json")) && Files.exists(daemonDir.resolve("sim-host-2.json")));
                List<String> hosts = liveHosts(server);
                String stopping = startOn(server, "stopping", hosts.get(0));
                String rebooting = startOn(server, "rebooting", hosts.get(1));
                JsonPath before = vm(server, rebooting);

                daemon.close();
                daemon = daemon(server, daemonDir, tokens, daemonPort).start();
                DaemonProcess restarted = daemon;
                await().atMost(Duration.ofSeconds(60)).until(() -> restarted.log().contains("sim-host-1: adopted 1 domain(s)")
                        && restarted.log().contains("sim-host-2: adopted 1 domain(s)"));

                // once the restarted daemon answers (a power-off of a guest that is gone already does nothing)
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        guestAction(daemonDir, daemonPort, localKey(server, hosts.get(0)), stopping, "poweroff") == 204);
                await().atMost(Duration.ofSeconds(60)).until(() -> "halted".equals(vm(server, stopping).getString("powerState")));
                JsonPath after = vm(server, rebooting);
                assertThat(after.getString("powerState")).isEqualTo("running");
                assertThat(after.getString("residentOn")).isEqualTo(before.getString("residentOn"));
                assertThat(after.getInt("metrics.domid")).isEqualTo(before.getInt("metrics.domid"));
                assertThat(messages(server, rebooting)).isEmpty();
                assertThat(messages(server, stopping)).isEmpty(); // a guest that powers off is no news
                await().atMost(Duration.ofSeconds(30)).until(() -> liveHosts(server).size() == 2);
                assertThat(vm(server, rebooting).getBoolean("powerStateUncertain")).isFalse();

                assertThat(guestAction(daemonDir, daemonPort, localKey(server, hosts.get(1)), rebooting, "reboot")).isEqualTo(204);
                await().atMost(Duration.ofSeconds(60)).until(() -> vm(server, rebooting).getInt("metrics.domid") != before.getInt("metrics.domid"));
                assertThat(vm(server, rebooting).getString("powerState")).isEqualTo("running");
                assertThat(messages(server, rebooting)).isEmpty();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
            } finally {
                daemon.close();
            }
        }
    }

    private static DaemonProcess daemon(ServerProcess server, Path dir, String tokens, int port) {
        return new DaemonProcess(dir, server.url(), 2, tokens, port,
                Map.of("xenplane.daemon.domain-report-interval", "1s", "xenplane.daemon.domain-report-settle", "100ms"));
    }

    private static String startOn(ServerProcess server, String name, String host) {
        Map<String, Object> body = new HashMap<>(Map.of("template", TEMPLATE, "name", name, "memoryStaticMin", 128 * MIB,
                "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB));
        String vm = server.api().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
        String task = server.api().body(Map.of("host", host)).post("/api/v1/vms/" + vm + "/start-on")
                .then().statusCode(202).extract().path("id");
        assertThat(server.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("success");
        return vm;
    }

    /** What a guest does by itself, through the simulated host's API with the host's credential. */
    private static int guestAction(Path stateDir, int port, String localKey, String vm, String action) throws IOException {
        String credential = new ObjectMapper().readTree(stateDir.resolve(localKey + ".json").toFile())
                .get("controlPlaneCredential").asText();
        return given().baseUri("http://127.0.0.1:" + port).header("Authorization", "Bearer " + credential)
                .contentType("application/json").body(Map.of("action", action))
                .post("/daemon/v1/hosts/" + localKey + "/simulator/domains/" + vm + "/guest-action").statusCode();
    }

    private static String localKey(ServerProcess server, String host) {
        return server.api().get("/api/v1/hosts/" + host).then().statusCode(200).extract().path("name");
    }

    private static JsonPath vm(ServerProcess server, String vm) {
        return server.api().get("/api/v1/vms/" + vm).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> messages(ServerProcess server, String vm) {
        return server.api().get("/api/v1/messages?class=vm&object=" + vm).then().statusCode(200).extract().jsonPath().getList("name");
    }

    private static List<String> liveHosts(ServerProcess server) {
        return server.api().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath().getList("findAll { it.live }.id");
    }
}
