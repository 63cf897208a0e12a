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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed (kill -9) in the middle of 200 concurrent VM starts, some of them being
 * cancelled, with real processes: the packaged all-in-one server on its embedded PostgreSQL and a
 * packaged daemon simulating 4 hosts whose domain builds take 3 s. Restarted on the same data, the
 * server takes over the tasks its previous run left (their lease lapsed) and finishes each as the
 * hosts report: every task is final within 60 s, a started VM runs where its domain is and a VM
 * with no domain is halted with nothing reserved, no VM stays busy, a cancelled task ends
 * cancelled or in its natural end, and the invariant checker is empty.
 */
class ServerCrashScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    private static final int VMS = 200;
    private static final int CANCELLED = 10;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void tasksLeftByAKilledServerAreFinishedByItsNextRunAndNoVmStaysStuck() throws Exception {
        Files.createDirectories(workDir.resolve("server"));
        Files.createDirectories(workDir.resolve("daemon"));
        int port = JavaProcess.freePort();
        ServerProcess first = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), port).start();
        try (DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), first.url(), 4, joinTokens(first, 4),
                JavaProcess.freePort(), Map.of("xenplane.daemon.simulator.latency.create", "3s")).start()) {
            try {
                scenario(first, daemon, port);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + daemon.log(), e);
            }
        } finally {
            first.kill();
        }
    }

    private void scenario(ServerProcess first, DaemonProcess daemon, int port) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> first.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 4);
        List<String> vms = new ArrayList<>();
        for (int i = 0; i < VMS; i++) {
            vms.add(first.api().body(Map.of("template", TEMPLATE, "name", "crash-" + i, "memoryStaticMin", 128 * MIB,
                            "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                    .post("/api/v1/vms").then().statusCode(201).extract().<String>path("id"));
        }
        List<String> tasks = startAll(first, vms);
        for (String task : tasks.subList(0, CANCELLED)) {
            int status = first.api().post("/api/v1/tasks/" + task + "/cancel").statusCode();
            assertThat(status).as("cancel %s", task).isIn(202, 409);
        }
        int pendingAtKill = first.api().get("/api/v1/tasks?status=pending&limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("id").size();
        first.kill();
        assertThat(pendingAtKill).as("tasks still running when the server was killed").isPositive();

        try (ServerProcess second = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), port).start()) {
            long restarted = System.nanoTime();
            try {
                await().atMost(RECOVERY_BOUND).pollInterval(Duration.ofMillis(500))
                        .until(() -> tasks.stream().allMatch(t -> finished(second, t)));
                Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
                Map<String, Integer> outcomes = outcomes(second, tasks);
                System.out.printf("ServerCrashScenarioIT: %d of %d start tasks were running at the kill; all %d final "
                        + "%d ms after the restart: %s%n", pendingAtKill, VMS, VMS, recovered.toMillis(), outcomes);
                assertRecordsMatchTasks(second, vms, tasks);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(invariants(second)).isEmpty());
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + second.log(), e);
            }
        }
    }

    /** Starts every VM from 16 client threads; returns the start tasks in the VMs' order. */
    private static List<String> startAll(ServerProcess server, List<String> vms) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (String vm : vms) {
                started.add(clients.submit(() -> server.api().post("/api/v1/vms/" + vm + "/start")
                        .then().statusCode(202).extract().<String>path("id")));
            }
            List<String> tasks = new ArrayList<>();
            for (Future<String> task : started) {
                tasks.add(task.get());
            }
            return tasks;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Each VM as its task says: running on a host if it succeeded, halted with nothing held otherwise. */
    private static void assertRecordsMatchTasks(ServerProcess server, List<String> vms, List<String> tasks) {
        for (int i = 0; i < vms.size(); i++) {
            JsonPath task = server.api().get("/api/v1/tasks/" + tasks.get(i)).then().statusCode(200).extract().jsonPath();
            JsonPath vm = server.api().get("/api/v1/vms/" + vms.get(i)).then().statusCode(200).extract().jsonPath();
            String status = task.getString("status");
            assertThat(vm.getMap("currentOperations")).as("VM %s after task %s (%s)", vms.get(i), tasks.get(i), status)
                    .isEmpty();
            if (i < CANCELLED) {
                assertThat(status).as("a cancelled task ends cancelled or in its natural end").isIn("cancelled", "success",
                        "failure");
            }
            if (status.equals("success")) {
                assertThat(vm.getString("powerState")).as("VM %s of succeeded task", vms.get(i)).isEqualTo("running");
                assertThat(vm.getString("residentOn")).isNotNull();
            } else {
                assertThat(vm.getString("powerState")).as("VM %s of %s task %s", vms.get(i), status, task.prettify())
                        .isEqualTo("halted");
                assertThat(vm.getString("residentOn")).isNull();
            }
            if (status.equals("failure")) {
                assertThat(task.getString("error.code")).isIn("TASK_OWNER_LOST", "HOST_NOT_ENOUGH_FREE_MEMORY");
            }
        }
    }

    private static Map<String, Integer> outcomes(ServerProcess server, List<String> tasks) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String id : tasks) {
            JsonPath task = server.api().get("/api/v1/tasks/" + id).then().extract().jsonPath();
            String key = task.getString("status") + (task.getString("error.code") == null ? "" : " " + task.getString("error.code"));
            outcomes.merge(key, 1, Integer::sum);
        }
        return outcomes;
    }

    private static boolean finished(ServerProcess server, String task) {
        return List.of("success", "failure", "cancelled").contains(
                server.api().get("/api/v1/tasks/" + task).then().statusCode(200).extract().<String>path("status"));
    }

    private static String joinTokens(ServerProcess server, int hosts) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            tokens.add(server.newJoinToken());
        }
        return String.join(",", tokens);
    }

    private static List<Map<String, Object>> invariants(ServerProcess server) {
        return server.api().get("/api/v1/pool/invariants").then().statusCode(200).extract().jsonPath().getList("");
    }
}
