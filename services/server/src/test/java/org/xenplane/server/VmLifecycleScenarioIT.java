package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VM's whole life through the REST API, with real processes: the packaged server (embedded
 * PostgreSQL) and the packaged host daemon simulating two hosts over HTTP. Create, start, pause,
 * unpause, suspend, resume, reboot, migrate, clean shutdown, destroy: at each step the task
 * succeeds and a client following the events sees the task finish and the VM reach the new state.
 */
class VmLifecycleScenarioIT {
    private static final long MIB = 1L << 20;

    @TempDir
    Path workDir;

    @Test
    void aVmGoesThroughItsWholeLifeAndAClientSeesEveryStepAsTasksAndEvents() throws Exception {
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        String tokens = server.newJoinToken() + "," + server.newJoinToken();
        try (DaemonProcess daemon = new DaemonProcess(workDir, server.url(), 2, tokens, FreePorts.next()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> liveHosts(server).size() == 2);
            EventFollower client = new EventFollower(server.api().get("/api/v1/events").then().extract().path("token"));
            String vm = create(server);
            client.followUntil(server, "vm", seen -> vmStates(seen, vm).contains("halted"));

            step(server, client, vm, "start", null, "running");
            String firstHost = server.api().get("/api/v1/vms/" + vm).then().extract().path("residentOn");
            step(server, client, vm, "pause", null, "paused");
            step(server, client, vm, "unpause", null, "running");
            step(server, client, vm, "suspend", null, "suspended");
            step(server, client, vm, "resume", null, "running");
            step(server, client, vm, "clean-reboot", null, "running");
            String otherHost = liveHosts(server).stream().filter(h -> !h.equals(firstHost)).findFirst().orElseThrow();
            step(server, client, vm, "migrate", Map.of("host", otherHost), "running");
            assertThat((String) server.api().get("/api/v1/vms/" + vm).then().extract().path("residentOn")).isEqualTo(otherHost);
            step(server, client, vm, "clean-shutdown", null, "halted");

            Response destroyed = server.api().delete("/api/v1/vms/" + vm);
            assertThat(destroyed.statusCode()).isEqualTo(204);
            client.followUntil(server, "vm,task", seen -> seen.stream().anyMatch(e -> "del".equals(e.get("operation"))
                    && vm.equals(e.get("ref"))) && taskSucceeded(seen, destroyed.getHeader("Xenplane-Task")));

            List<Long> ids = client.seen().stream().map(e -> ((Number) e.get("id")).longValue()).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(vmStates(client.seen(), vm)).containsSubsequence("halted", "running", "paused", "running",
                    "suspended", "running", "running", "halted");
        } finally {
            server.stop();
        }
    }

    /** One operation: its task succeeds, and the events show the task's success and the VM's new state, idle. */
    private static void step(ServerProcess server, EventFollower client, String vm, String operation, Object body,
                             String state) {
        var request = server.api();
        if (body != null) {
            request = request.body(body);
        }
        Response answer = request.post("/api/v1/vms/" + vm + "/" + operation);
        assertThat(answer.statusCode()).as("%s: %s", operation, answer.asString()).isIn(200, 202);
        String task = answer.getHeader("Xenplane-Task");
        JsonPath finished = server.api().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().jsonPath();
        assertThat(finished.getString("status")).as("task of %s: %s", operation, finished.prettify()).isEqualTo("success");
        assertThat(finished.getString("operation")).isEqualTo(declared(operation));
        client.followUntil(server, "vm,task", seen -> taskSucceeded(seen, task) && idleIn(seen, vm, state));
    }

    private static String declared(String operation) {
        return switch (operation) {
            case "migrate" -> "vm.pool_migrate";
            default -> "vm." + operation.replace('-', '_');
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean idleIn(List<Map<String, Object>> seen, String vm, String state) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            Map<String, Object> e = seen.get(i);
            if ("vm".equals(e.get("class")) && vm.equals(e.get("ref"))) {
                Map<String, Object> snapshot = (Map<String, Object>) e.get("snapshot");
                return state.equals(snapshot.get("powerState")) && ((Map<?, ?>) snapshot.get("currentOperations")).isEmpty();
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean taskSucceeded(List<Map<String, Object>> seen, String task) {
        return seen.stream().anyMatch(e -> "task".equals(e.get("class")) && Objects.equals(task, e.get("ref"))
                && "success".equals(((Map<String, Object>) e.get("snapshot")).get("status")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> vmStates(List<Map<String, Object>> seen, String vm) {
        List<String> states = new java.util.ArrayList<>();
        for (Map<String, Object> e : seen) {
            if ("vm".equals(e.get("class")) && vm.equals(e.get("ref")) && e.get("snapshot") != null) {
                Map<String, Object> snapshot = (Map<String, Object>) e.get("snapshot");
                String state = (String) snapshot.get("powerState");
                if (((Map<?, ?>) snapshot.get("currentOperations")).isEmpty()
                        && (states.isEmpty() || !states.get(states.size() - 1).equals(state) || "running".equals(state))) {
                    states.add(state);
                }
            }
        }
        return states;
    }

    private static String create(ServerProcess server) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", "6a1f2d3e-0000-4000-8000-000000000001");
        body.put("name", "scenario");
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", 256 * MIB);
        body.put("memoryDynamicMin", 256 * MIB);
        body.put("memoryDynamicMax", 256 * MIB);
        return server.api().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
    }

    private static List<String> liveHosts(ServerProcess server) {
        return server.api().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath().getList("findAll { it.live }.id");
    }
}
