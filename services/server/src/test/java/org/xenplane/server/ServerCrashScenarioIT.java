package org.xenplane.server;

import org.xenplane.testing.FreePorts;
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
 * The server is killed (kill -9) in the middle of 200 concurrent VM operations (100 starts, 50 hard
 * shutdowns, 50 live migrations), some of them being cancelled, with real processes: the packaged
 * all-in-one server on its embedded PostgreSQL and a packaged daemon simulating 4 hosts whose
 * domain builds, destroys and migrations take seconds, so that at the kill some operations are done,
 * some under way on the hosts and most not begun. Restarted on the same data, the server
 * takes over the tasks its previous run left (their lease lapsed) and finishes each as the hosts
 * report: every task is final within 60 s, each VM is where its task says (a start that succeeded
 * runs, one that did not left it halted with nothing reserved; a shutdown that succeeded halted it;
 * a migration that succeeded moved it, one that did not left it on its source), no VM stays busy,
 * a cancelled task ends cancelled or in its natural end, and the invariant checker is empty.
 */
class ServerCrashScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    private static final int VMS = 200;
    /** VMs 0-99 are started, 100-149 hard-shut-down, 150-199 migrated when the server is killed. */
    private static final int STOPPED_FROM = 100;
    private static final int MIGRATED_FROM = 150;
    private static final int CANCELLED = 10;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    /**
     * 16 task workers (64 by default): most of the 200 tasks are still queued at the kill, the rest on
     * the hosts. A 6 s task lease renewed every 2 s and a takeover every second (15 s, 5 s and 5 s by
     * default): the restarted server waits a whole lease before it takes over, as in production, only
     * a shorter one.
     */
    private static final Map<String, String> SETTINGS = Map.of("XENPLANE_TASKS_WORKERS", "16",
            "XENPLANE_TASKS_LEASE", "6s", "XENPLANE_TASKS_LEASE_RENEW_INTERVAL", "2s",
            "XENPLANE_TASKS_TAKEOVER_INTERVAL", "1s");
    /** Client threads for the calls the test makes in bulk. */
    private static final int CLIENTS = 16;

    @TempDir
    Path workDir;

    @Test
    void tasksLeftByAKilledServerAreFinishedByItsNextRunAndNoVmStaysStuck() throws Exception {
        Files.createDirectories(workDir.resolve("server"));
        Files.createDirectories(workDir.resolve("daemon"));
        int port = FreePorts.next();
        ServerProcess first = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), port, SETTINGS).start();
        try (DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), first.url(), 4, joinTokens(first, 4),
                FreePorts.next(), Map.of("xenplane.daemon.simulator.latency.create", "2s",
                        "xenplane.daemon.simulator.latency.destroy", "2s",
                        "xenplane.daemon.simulator.latency.migrate-send", "3s")).start()) {
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
        List<String> vms = concurrently(VMS, i -> first.api().body(Map.of("template", TEMPLATE, "name", "crash-" + i,
                        "memoryStaticMin", 128 * MIB, "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB,
                        "memoryDynamicMax", 256 * MIB))
                .post("/api/v1/vms").then().statusCode(201).extract().<String>path("id"));
        List<String> running = vms.subList(STOPPED_FROM, VMS);
        for (String task : operateAll(first, running, i -> "start", i -> null)) {
            assertThat(first.api().get("/api/v1/tasks/" + task + "?wait=60").then().extract().<String>path("status"))
                    .isEqualTo("success");
        }
        List<String> residents = concurrently(running.size(),
                i -> first.api().get("/api/v1/vms/" + running.get(i)).then().extract().<String>path("residentOn"));
        Map<String, String> residentBefore = new java.util.HashMap<>();
        for (int i = 0; i < running.size(); i++) {
            residentBefore.put(running.get(i), residents.get(i));
        }
        List<String> hosts = first.api().get("/api/v1/hosts").then().extract().jsonPath().getList("id");
        List<String> tasks = operateAll(first, vms, ServerCrashScenarioIT::operation,
                i -> i < MIGRATED_FROM ? null : Map.of("host", otherHost(hosts, residentBefore.get(vms.get(i)))));
        for (String task : tasks.subList(0, CANCELLED)) {
            int status = first.api().post("/api/v1/tasks/" + task + "/cancel").statusCode();
            assertThat(status).as("cancel %s", task).isIn(202, 409);
        }
        int pendingAtKill = unfinished(first).size();
        first.kill();
        assertThat(pendingAtKill).as("tasks still running when the server was killed").isPositive();

        try (ServerProcess second = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), port, SETTINGS).start()) {
            long restarted = System.nanoTime();
            try {
                await().atMost(RECOVERY_BOUND).pollInterval(Duration.ofMillis(500))
                        .until(() -> unfinished(second).stream().noneMatch(tasks::contains));
                Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
                Map<String, Integer> outcomes = outcomes(second, tasks);
                System.out.printf("ServerCrashScenarioIT: %d of %d tasks (100 starts, 50 hard shutdowns, 50 migrations) "
                        + "were running at the kill; all %d final %d ms after the restart: %s%n", pendingAtKill, VMS, VMS,
                        recovered.toMillis(), outcomes);
                assertRecordsMatchTasks(second, vms, tasks, residentBefore, hosts);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(invariants(second)).isEmpty());
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + second.log(), e);
            }
        }
    }

    private static String operation(int vm) {
        return vm < STOPPED_FROM ? "start" : vm < MIGRATED_FROM ? "hard-shutdown" : "migrate";
    }

    private static String otherHost(List<String> hosts, String resident) {
        return hosts.get((hosts.indexOf(resident) + 1) % hosts.size());
    }

    /** Runs the i-th VM's operation (with its body, or none) on every VM from the client threads; the tasks in the VMs' order. */
    private static List<String> operateAll(ServerProcess server, List<String> vms,
                                           java.util.function.IntFunction<String> operation,
                                           java.util.function.IntFunction<Map<String, String>> body) throws Exception {
        return concurrently(vms.size(), i -> {
            Map<String, String> json = body.apply(i);
            return (json == null ? server.api() : server.api().body(json)).post("/api/v1/vms/" + vms.get(i) + "/"
                    + operation.apply(i)).then().statusCode(202).extract().<String>path("id");
        });
    }

    /** The i-th call for every i below n, made from {@link #CLIENTS} client threads; the answers in the calls' order. */
    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> submitted = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                submitted.add(clients.submit(() -> call.apply(index)));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : submitted) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Each VM where its task says, free for the next operation (the records read concurrently, then checked in order). */
    private static void assertRecordsMatchTasks(ServerProcess server, List<String> vms, List<String> tasks,
                                                Map<String, String> residentBefore, List<String> hosts) throws Exception {
        List<JsonPath> taskRecords = concurrently(tasks.size(),
                i -> server.api().get("/api/v1/tasks/" + tasks.get(i)).then().statusCode(200).extract().jsonPath());
        List<JsonPath> vmRecords = concurrently(vms.size(),
                i -> server.api().get("/api/v1/vms/" + vms.get(i)).then().statusCode(200).extract().jsonPath());
        for (int i = 0; i < vms.size(); i++) {
            JsonPath task = taskRecords.get(i);
            JsonPath vm = vmRecords.get(i);
            String status = task.getString("status");
            String about = "VM " + vms.get(i) + " after " + task.prettify();
            assertThat(vm.getMap("currentOperations")).as(about).isEmpty();
            if (i < CANCELLED) {
                assertThat(status).as("a cancelled task ends cancelled or in its natural end").isIn("cancelled", "success",
                        "failure");
            }
            if (status.equals("failure")) {
                assertThat(task.getString("error.code")).as(about).isEqualTo("TASK_OWNER_LOST");
            }
            boolean succeeded = status.equals("success");
            String before = residentBefore.get(vms.get(i));
            switch (operation(i)) {
                case "start" -> assertThat(vm.getString("powerState")).as(about).isEqualTo(succeeded ? "running" : "halted");
                case "hard-shutdown" -> {
                    assertThat(vm.getString("powerState")).as(about).isEqualTo(succeeded ? "halted" : "running");
                    assertThat(vm.getString("residentOn")).as(about).isEqualTo(succeeded ? null : before);
                }
                default -> {
                    assertThat(vm.getString("powerState")).as(about).isEqualTo("running");
                    assertThat(vm.getString("residentOn")).as(about).isEqualTo(succeeded ? otherHost(hosts, before) : before);
                }
            }
        }
    }

    private static Map<String, Integer> outcomes(ServerProcess server, List<String> tasks) throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (JsonPath task : concurrently(tasks.size(),
                i -> server.api().get("/api/v1/tasks/" + tasks.get(i)).then().extract().jsonPath())) {
            String key = task.getString("status") + (task.getString("error.code") == null ? "" : " " + task.getString("error.code"));
            outcomes.merge(key, 1, Integer::sum);
        }
        return outcomes;
    }

    /** The tasks not final yet: pending or cancelling (the other statuses, success, failure and cancelled, are final). */
    private static List<String> unfinished(ServerProcess server) {
        List<String> ids = new ArrayList<>();
        for (String status : List.of("pending", "cancelling")) {
            ids.addAll(server.api().get("/api/v1/tasks?status=" + status + "&limit=1000").then().statusCode(200).extract()
                    .jsonPath().getList("id"));
        }
        return ids;
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
