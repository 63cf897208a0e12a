package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.testing.FreePorts;

/**
 * Maintenance mode is durable: the packaged server (embedded PostgreSQL) is killed (kill -9) while
 * it evacuates a host for {@code host.enter_maintenance}, on a packaged daemon simulating 2 hosts
 * whose live migrations take 2 s. Restarted on the same data, it finishes the maintenance task (it
 * fails TASK_OWNER_LOST, which also proves the kill fell before the evacuation ended), the host stays disabled and is not in maintenance, every VM runs on
 * exactly one host and is not busy, and the invariant checker is empty.
 */
class MaintenanceCrashScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    private static final int VMS = 3;
    /** A short task lease and takeover, as ServerCrashScenarioIT: the restart waits a whole (short) lease. */
    private static final Map<String, String> SETTINGS = Map.of("XENPLANE_TASKS_LEASE", "6s",
            "XENPLANE_TASKS_LEASE_RENEW_INTERVAL", "2s", "XENPLANE_TASKS_TAKEOVER_INTERVAL", "1s");

    @TempDir
    Path workDir;

    /** Proves the records end consistent after a crash mid-maintenance (see the class comment). */
    @Test
    void aServerKilledMidMaintenanceLeavesTheHostDisabledAndEveryVmRunningOnce() throws Exception {
        Files.createDirectories(workDir.resolve("server"));
        Files.createDirectories(workDir.resolve("daemon"));
        int port = FreePorts.next();
        ServerProcess first = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), port, SETTINGS).start();
        try (DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), first.url(), 2,
                first.newJoinToken() + "," + first.newJoinToken(), FreePorts.next(),
                Map.of("xenplane.daemon.simulator.latency.migrate-send", "2s")).start()) {
            try {
                scenario(first, port);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + daemon.log(), e);
            }
        } finally {
            first.kill();
        }
    }

    private void scenario(ServerProcess first, int port) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> first.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 2);
        String host = first.api().get("/api/v1/hosts").then().extract().jsonPath().getString("[1].id");
        List<String> vms = new ArrayList<>();
        for (int i = 0; i < VMS; i++) {
            String vm = first.api().body(Map.of("template", TEMPLATE, "name", "maint-crash-" + i, "memoryStaticMin", 128 * MIB,
                    "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                    .post("/api/v1/vms").then().statusCode(201).extract().path("id");
            String start = first.api().body(Map.of("host", host)).post("/api/v1/vms/" + vm + "/start-on").then().statusCode(202)
                    .extract().path("id");
            assertThat(first.api().get("/api/v1/tasks/" + start + "?wait=60").then().extract().<String>path("status"))
                    .isEqualTo("success");
            vms.add(vm);
        }

        String task = first.api().post("/api/v1/hosts/" + host + "/maintenance/enter").then().statusCode(202)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> migrating(first));
        first.kill();

        try (ServerProcess second = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), port, SETTINGS).start()) {
            try {
                JsonPath ended = second.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
                assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("failure");
                assertThat(ended.getString("error.code")).as(ended.prettify()).isEqualTo("TASK_OWNER_LOST");
                JsonPath record = second.api().get("/api/v1/hosts/" + host).then().statusCode(200).extract().jsonPath();
                assertThat(record.getBoolean("enabled")).isFalse();
                assertThat(record.getBoolean("maintenance")).isFalse();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    for (String vm : vms) {
                        JsonPath v = second.api().get("/api/v1/vms/" + vm).then().statusCode(200).extract().jsonPath();
                        assertThat(v.getString("powerState")).as(vm).isEqualTo("running");
                        assertThat(v.getMap("currentOperations")).as(vm).isEmpty();
                    }
                    assertThat(second.api().get("/api/v1/pool/invariants").then().statusCode(200).extract().jsonPath()
                            .getList("")).isEmpty();
                });
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + second.log(), e);
            }
        }
    }

    /** Whether one of the VMs is being migrated now (the kill then falls mid-evacuation). */
    private static boolean migrating(ServerProcess server) {
        return server.api().get("/api/v1/tasks?status=pending&limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("operation").contains("vm.pool_migrate");
    }
}
