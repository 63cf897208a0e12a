package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host dies with a VM on it, with real processes: the packaged all-in-one server and two
 * packaged daemons of one simulated host each (started together, told apart by their hosts' names),
 * on a shared file SR. The first daemon is killed
 * (kill -9): its host stops being live, the VM shows {@code powerStateUncertain} and the invariant
 * checker reports it; a reset of its power state records it halted and frees its read-write disk,
 * so it starts on the other host; the checker is empty before the fault and after the repair.
 */
class DeadHostScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path workDir;

    @Test
    void aVmOnAHostThatDiedIsResetAndStartsElsewhereWithItsDisk() throws Exception {
        for (String dir : List.of("server", "daemon-1", "daemon-2")) {
            Files.createDirectories(workDir.resolve(dir));
        }
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next(),
                Map.of("XENPLANE_VM_DEAD_HOST_AFTER", "6s")).start();
             DaemonProcess dying = daemon(server, "daemon-1").start();
             DaemonProcess surviving = daemon(server, "daemon-2").start()) {
            JsonPath live = awaitLiveHosts(server, 2);
            String doomed = hostNamed(live, "daemon-1-1");
            String survivor = hostNamed(live, "daemon-2-1");
            try {
                scenario(server, dying, doomed, survivor);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + surviving.log(), e);
            }
        }
    }

    /** The id of the host the simulator named so (its name prefix, then its number from 1). */
    private static String hostNamed(JsonPath hosts, String name) {
        String id = hosts.getString("find { it.name == '" + name + "' }.id");
        assertThat(id).as("host %s in %s", name, hosts.prettify()).isNotNull();
        return id;
    }

    private void scenario(ServerProcess server, DaemonProcess dying, String doomed, String survivor) throws Exception {
        String sr = server.api().body(Map.of("name", "shared", "type", "file", "shared", true,
                        "deviceConfig", Map.of("path", workDir.resolve("sr").toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().path("id");
        String disk = server.api().body(Map.of("srId", sr, "name", "system", "virtualSize", 8 * MIB)).post("/api/v1/vdis")
                .then().statusCode(201).extract().path("id");
        String vm = server.api().body(Map.of("template", TEMPLATE, "name", "stranded", "memoryStaticMin", 128 * MIB,
                        "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id");
        String vbd = server.api().body(Map.of("vmId", vm, "vdiId", disk, "userdevice", 0, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(201).extract().path("id");
        assertThat(task(server, server.api().body(Map.of("host", doomed)).post("/api/v1/vms/" + vm + "/start-on")
                .then().statusCode(202).extract().path("id")).getString("status")).isEqualTo("success");
        assertThat(invariants(server)).isEmpty();

        dying.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> server.api().get("/api/v1/vms/" + vm).then().statusCode(200)
                .extract().jsonPath().getBoolean("powerStateUncertain"));
        assertThat((Boolean) server.api().get("/api/v1/hosts/" + doomed).then().extract().path("live")).isFalse();
        assertThat(invariants(server)).extracting(i -> i.get("kind") + " " + i.get("objectId"))
                .containsExactly("VM_ON_HOST_NOT_LIVE " + vm);

        JsonPath halted = server.api().body(Map.of("force", true)).post("/api/v1/vms/" + vm + "/reset-power-state")
                .then().statusCode(200).extract().jsonPath();
        assertThat(halted.getString("powerState")).isEqualTo("halted");
        assertThat(halted.getString("residentOn")).isNull();
        assertThat((Boolean) server.api().get("/api/v1/vbds/" + vbd).then().extract().path("currentlyAttached")).isFalse();
        assertThat(invariants(server)).isEmpty();

        assertThat(task(server, server.api().body(Map.of("host", survivor)).post("/api/v1/vms/" + vm + "/start-on")
                .then().statusCode(202).extract().path("id")).getString("status")).isEqualTo("success");
        assertThat((String) server.api().get("/api/v1/vbds/" + vbd).then().extract().path("attachedHostId")).isEqualTo(survivor);
        assertThat(invariants(server)).isEmpty();
    }

    private DaemonProcess daemon(ServerProcess server, String dir) throws java.io.IOException {
        return new DaemonProcess(workDir.resolve(dir), server.url(), 1, server.newJoinToken(), FreePorts.next(),
                Map.of("xenplane.daemon.simulator.name-prefix", dir));
    }

    private static JsonPath awaitLiveHosts(ServerProcess server, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == count);
        return server.api().get("/api/v1/hosts").then().extract().jsonPath();
    }

    private static List<Map<String, Object>> invariants(ServerProcess server) {
        return server.api().get("/api/v1/pool/invariants").then().statusCode(200).extract().jsonPath().getList("");
    }

    private static JsonPath task(ServerProcess server, String id) {
        return server.api().get("/api/v1/tasks/" + id + "?wait=60").then().statusCode(200).extract().jsonPath();
    }
}
