package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allowedOperations} tells the truth, for every kind of resource in every state a test can
 * reach here (the packaged server, the packaged daemon simulating two hosts, a shared file SR): for
 * each operation of the kind, a listed one is accepted (or fails for a reason other than the state),
 * an unlisted one is refused with 409 and a state error code. A listed operation runs on a fresh
 * object in the same state, since it changes the object.
 */
class AllowedOperationsScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    /** The codes that say "not in this state": what an unlisted operation must answer. */
    private static final Set<String> STATE_CODES = Set.of("VM_BAD_POWER_STATE", "OPERATION_NOT_ALLOWED",
            "OTHER_OPERATION_IN_PROGRESS", "VM_IS_TEMPLATE", "VM_IS_SNAPSHOT", "VBD_NOT_EMPTY", "VBD_IS_EMPTY",
            "VBD_NOT_REMOVABLE_MEDIA", "VDI_IN_USE", "VDI_READ_ONLY", "SR_HAS_PBDS_ATTACHED", "SR_HAS_NO_PBDS",
            "HOST_IS_LIVE");

    /** One operation as the API takes it: method, path after the object's, and a body made for the object. */
    record Call(String method, String suffix, Function<String, Object> body) {
        static Call post(String suffix) {
            return new Call("POST", "/" + suffix, id -> null);
        }

        static Call post(String suffix, Function<String, Object> body) {
            return new Call("POST", "/" + suffix, body);
        }
    }

    /** A kind of resource: where it lives and its whole operation set, by the verb {@code allowedOperations} uses. */
    record Kind(String path, Map<String, Call> operations) {
    }

    @TempDir
    Path workDir;

    private ServerProcess server;
    private List<String> hosts;
    private String sr;
    private String network;
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyResourceListsExactlyTheOperationsItsStateAccepts() throws Exception {
        Files.createDirectories(workDir.resolve("server"));
        Files.createDirectories(workDir.resolve("daemon"));
        try (ServerProcess started = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next()).start()) {
            server = started;
            String tokens = server.newJoinToken() + "," + server.newJoinToken();
            try (DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), server.url(), 2, tokens,
                    FreePorts.next(), Map.of()).start()) {
                try {
                    scenario();
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
                }
            }
        }
    }

    private void scenario() {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 2);
        hosts = server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("id");
        sr = newSr("shared");
        network = server.api().body(Map.of("name", "private")).post("/api/v1/networks").then().statusCode(201)
                .extract().path("id");

        Kind vm = vmKind();
        check(vm, "halted VM", () -> newVm(false, false));
        check(vm, "halted VM with a disk", () -> newVm(true, false));
        check(vm, "halted VM with a snapshot", () -> newVm(false, true));
        check(vm, "halted VM with a disk and a snapshot", () -> newVm(true, true));
        check(vm, "running VM", () -> running(newVm(false, false)));
        check(vm, "running VM with a disk", () -> running(newVm(true, false)));
        check(vm, "paused VM with a disk", () -> vmDoes(running(newVm(true, false)), "pause"));
        check(vm, "suspended VM with a disk", () -> vmDoes(running(newVm(true, false)), "suspend"));
        check(vm, "template", () -> patched(newVm(true, false), Map.of("isATemplate", true)));
        check(vm, "snapshot", () -> snapshotOf(newVm(true, false)));
        check(vm, "built-in template", () -> TEMPLATE);

        Kind vbd = new Kind("/api/v1/vbds", ops("destroy", new Call("DELETE", "", id -> null),
                "attach", Call.post("attach", id -> Map.of("hostId", hosts.get(0))), "detach", Call.post("detach"),
                "plug", Call.post("plug"), "unplug", Call.post("unplug"),
                "insert", Call.post("insert", id -> Map.of("vdiId", newDisk("medium"))), "eject", Call.post("eject")));
        check(vbd, "disk VBD of a halted VM", () -> vbdOf(newVm(true, false)));
        check(vbd, "disk VBD of a running VM", () -> vbdOf(running(newVm(true, false))));
        check(vbd, "unattached disk VBD of a running VM", () -> {
            String runningVm = running(newVm(false, false));
            return newVbd(runningVm, newDisk("hot"), 1);
        });

        Kind vif = new Kind("/api/v1/vifs", ops("destroy", new Call("DELETE", "", id -> null),
                "plug", Call.post("plug"), "unplug", Call.post("unplug")));
        check(vif, "VIF of a halted VM", () -> vifOf(newVm(false, false)));
        check(vif, "VIF of a running VM", () -> vifOf(running(newVm(false, false))));
        check(vif, "unplugged VIF of a running VM", () -> {
            String runningVm = running(newVm(false, false));
            return server.api().body(Map.of("vmId", runningVm, "device", 1, "networkId", network)).post("/api/v1/vifs")
                    .then().statusCode(201).extract().path("id");
        });

        Kind vdi = new Kind("/api/v1/vdis", ops("destroy", new Call("DELETE", "", id -> null),
                "resize", Call.post("resize", id -> Map.of("virtualSize", 16 * MIB)),
                "snapshot", Call.post("snapshot", id -> Map.of()), "clone", Call.post("clone", id -> Map.of()),
                "copy", Call.post("copy", id -> Map.of("srId", sr)),
                "import", new Call("PUT", "/content", id -> new byte[(int) (8 * MIB)]),
                "export", new Call("GET", "/content", id -> null)));
        check(vdi, "free VDI", () -> newDisk("free"));
        check(vdi, "VDI of a running VM", () -> diskOf(running(newVm(true, false))));

        Kind pbd = new Kind("/api/v1/pbds", ops("plug", Call.post("plug"), "unplug", Call.post("unplug")));
        check(pbd, "plugged PBD", () -> pbdOf(newSr("p"), 0));
        check(pbd, "unplugged PBD", () -> does("/api/v1/pbds/", pbdOf(newSr("u"), 0), "unplug"));
        check(pbd, "PBD under a running VM's disk", () -> {
            String runningVm = running(newVm(true, false));
            String host = server.api().get("/api/v1/vms/" + runningVm).then().extract().path("residentOn");
            return server.api().get("/api/v1/pbds?sr=" + sr).then().extract().jsonPath()
                    .getString("find { it.hostId == '" + host + "' }.id");
        });

        Kind srs = new Kind("/api/v1/srs", ops("forget", Call.post("forget"), "destroy", new Call("DELETE", "", id -> null),
                "scan", Call.post("scan"), "repair", Call.post("repair")));
        check(srs, "plugged SR", () -> newSr("plugged"));
        check(srs, "unplugged SR", () -> {
            String id = newSr("unplugged");
            does("/api/v1/pbds/", pbdOf(id, 0), "unplug");
            does("/api/v1/pbds/", pbdOf(id, 1), "unplug");
            return id;
        });

        Kind host = new Kind("/api/v1/hosts", ops("disable", Call.post("disable"), "enable", Call.post("enable"),
                "evacuate", Call.post("evacuate"), "enter_maintenance", Call.post("maintenance/enter"),
                "exit_maintenance", Call.post("maintenance/exit"), "destroy", new Call("DELETE", "", id -> null)));
        check(host, "enabled host", () -> hostEnabled(true));
        check(host, "disabled host", () -> hostEnabled(false));
        check(host, "host in maintenance", this::hostInMaintenance);

        assertThat(failures).as("operations whose listing and outcome disagree").isEmpty();
    }

    private Kind vmKind() {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("update", new Call("PATCH", "", id -> Map.of("description", "changed")));
        calls.put("destroy", new Call("DELETE", "", id -> null));
        calls.put("start", Call.post("start"));
        calls.put("start_on", Call.post("start-on", id -> Map.of("host", hosts.get(0))));
        for (String verb : List.of("clean_shutdown", "hard_shutdown", "clean_reboot", "hard_reboot", "suspend", "resume",
                "pause", "unpause")) {
            calls.put(verb, Call.post(verb.replace('_', '-')));
        }
        calls.put("clone", Call.post("clone", id -> Map.of("name", "clone")));
        calls.put("copy", Call.post("copy", id -> Map.of("name", "copy")));
        calls.put("snapshot", Call.post("snapshot", id -> Map.of("name", "snap")));
        calls.put("revert", Call.post("revert", id -> Map.of("snapshot", firstSnapshot(id))));
        calls.put("pool_migrate", Call.post("migrate", id -> Map.of("host", otherHost(id))));
        calls.put("power_state_reset", Call.post("reset-power-state", id -> Map.of("force", true)));
        return new Kind("/api/v1/vms", calls);
    }

    /** Every operation of the kind on an object in this state: listed ones accepted, the others refused. */
    private void check(Kind kind, String state, Supplier<String> make) {
        String id = make.get();
        List<String> listed = server.api().get(kind.path() + "/" + id).then().statusCode(200).extract().jsonPath()
                .getList("allowedOperations");
        assertThat(kind.operations().keySet()).as("%s lists only operations of its kind", state).containsAll(listed);
        for (Map.Entry<String, Call> op : kind.operations().entrySet()) {
            if (!listed.contains(op.getKey())) {
                Response answer = send(kind, id, op.getValue());
                String code = answer.contentType().contains("json") ? answer.path("code") : null;
                if (answer.statusCode() != 409 || !STATE_CODES.contains(code)) {
                    failures.add(state + ": unlisted " + op.getKey() + " answered " + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        boolean first = true;
        for (String verb : listed) {
            String target = first ? id : make.get();
            first = false;
            Response answer = send(kind, target, kind.operations().get(verb));
            String code = outcome(answer);
            if (code != null && STATE_CODES.contains(code)) {
                failures.add(state + ": listed " + verb + " was refused: " + answer.statusCode() + " " + answer.asString());
            }
        }
    }

    private Response send(Kind kind, String id, Call call) {
        Object body = call.body().apply(id);
        var request = server.api();
        if (call.suffix().equals("/content")) {
            request = request.accept("application/json, application/octet-stream, application/problem+json");
        }
        if (body instanceof byte[] bytes) {
            request = request.contentType("application/octet-stream").body(bytes);
        } else if (body != null) {
            request = request.body(body);
        }
        return request.request(call.method(), kind.path() + "/" + id + call.suffix());
    }

    /** The error code an answer ends with (after its task, for 202), or null when it succeeded. */
    private String outcome(Response answer) {
        if (answer.statusCode() == 202) {
            var task = server.api().get("/api/v1/tasks/" + answer.getHeader("Xenplane-Task") + "?wait=60").then()
                    .statusCode(200).extract().jsonPath();
            return "success".equals(task.getString("status")) ? null : task.getString("error.code");
        }
        if (answer.statusCode() < 300) {
            return null;
        }
        return answer.contentType().contains("json") ? answer.path("code") : "HTTP " + answer.statusCode();
    }

    private String newVm(boolean disk, boolean snapshot) {
        String id = server.api().body(Map.of("template", TEMPLATE, "name", "vm", "memoryStaticMin", 128 * MIB,
                        "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                .post("/api/v1/vms").then().statusCode(201).extract().path("id");
        server.api().body(Map.of("vmId", id, "device", 0, "networkId", network)).post("/api/v1/vifs").then().statusCode(201);
        if (disk) {
            newVbd(id, newDisk("system"), 0);
        }
        if (snapshot) {
            snapshotOf(id);
        }
        return id;
    }

    private String snapshotOf(String vm) {
        return server.api().body(Map.of("name", "before")).post("/api/v1/vms/" + vm + "/snapshot").then().statusCode(201)
                .extract().path("id");
    }

    private String patched(String vm, Map<String, Object> settings) {
        server.api().body(settings).patch("/api/v1/vms/" + vm).then().statusCode(200);
        return vm;
    }

    private String running(String vm) {
        return vmDoes(vm, "start");
    }

    /** Runs a VM operation to its end; answers the VM. */
    private String vmDoes(String vm, String operation) {
        return does("/api/v1/vms/", vm, operation);
    }

    private String does(String path, String id, String operation) {
        Response answer = server.api().post(path + id + "/" + operation);
        assertThat(outcome(answer)).as("%s %s: %s", operation, id, answer.asString()).isNull();
        return id;
    }

    private String firstSnapshot(String vm) {
        List<String> snapshots = server.api().get("/api/v1/vms/" + vm).then().extract().jsonPath().getList("snapshots");
        return snapshots == null || snapshots.isEmpty() ? vm : snapshots.get(0);
    }

    private String otherHost(String vm) {
        String resident = server.api().get("/api/v1/vms/" + vm).then().extract().path("residentOn");
        return hosts.stream().filter(h -> !h.equals(resident)).findFirst().orElseThrow();
    }

    private String newSr(String name) {
        return server.api().body(Map.of("name", name, "type", "file", "shared", true,
                        "deviceConfig", Map.of("path", workDir.resolve("sr-" + name + "-" + System.nanoTime()).toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().path("id");
    }

    private String newDisk(String name) {
        return server.api().body(Map.of("srId", sr, "name", name, "virtualSize", 8 * MIB)).post("/api/v1/vdis")
                .then().statusCode(201).extract().path("id");
    }

    private String newVbd(String vm, String vdi, int userdevice) {
        return server.api().body(Map.of("vmId", vm, "vdiId", vdi, "userdevice", userdevice, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(201).extract().path("id");
    }

    private String vbdOf(String vm) {
        return server.api().get("/api/v1/vbds?vm=" + vm).then().extract().path("[0].id");
    }

    private String diskOf(String vm) {
        return server.api().get("/api/v1/vbds?vm=" + vm).then().extract().path("[0].vdiId");
    }

    private String vifOf(String vm) {
        return server.api().get("/api/v1/vifs?vm=" + vm).then().extract().path("[0].id");
    }

    private String pbdOf(String srId, int index) {
        return server.api().get("/api/v1/pbds?sr=" + srId).then().extract().path("[" + index + "].id");
    }

    /** The second host, enabled or disabled as asked, not in maintenance (VMs are placed on the first as well). */
    private String hostEnabled(boolean enabled) {
        String host = hosts.get(1);
        boolean maintenance = server.api().get("/api/v1/hosts/" + host).then().extract().path("maintenance");
        if (maintenance) {
            server.api().post("/api/v1/hosts/" + host + "/maintenance/exit").then().statusCode(200);
        }
        boolean now = server.api().get("/api/v1/hosts/" + host).then().extract().path("enabled");
        if (now != enabled) {
            server.api().post("/api/v1/hosts/" + host + (enabled ? "/enable" : "/disable")).then().statusCode(200);
        }
        return host;
    }

    /**
     * The second host, in maintenance. Its VMs are shut down first: which VMs the earlier states
     * left there depends on placement, and one that cannot be live-migrated away (a paused one, for
     * instance) fails the evacuation (CANNOT_EVACUATE_HOST): it did, once, after a change of timing.
     */
    private String hostInMaintenance() {
        String host = hostEnabled(true);
        List<String> residents = server.api().get("/api/v1/vms").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.residentOn == '" + host + "' }.id");
        for (String vm : residents) {
            does("/api/v1/vms/", vm, "hard-shutdown");
        }
        does("/api/v1/hosts/", host, "maintenance/enter");
        return host;
    }

    private static Map<String, Call> ops(Object... verbsAndCalls) {
        Map<String, Call> calls = new LinkedHashMap<>();
        for (int i = 0; i < verbsAndCalls.length; i += 2) {
            calls.put((String) verbsAndCalls[i], (Call) verbsAndCalls[i + 1]);
        }
        return calls;
    }
}
