package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XenAPI on the wire against the packaged server and a simulated host: a session made over
 * XML-RPC works over JSON-RPC, records read as XAPI writes them, a VM starts and shuts down
 * synchronously and through Async tasks, and the errors a script meets carry XAPI's codes.
 */
class XenApiWireIT {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path workDir;

    @Test
    void aSessionFromXmlRpcDrivesAVmOverJsonRpcWithXapisErrors() throws Exception {
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        try (DaemonProcess daemon = new DaemonProcess(Files.createDirectories(workDir.resolve("daemon")), server.url(), 1,
                server.newJoinToken(), FreePorts.next()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    server.api().get("/api/v1/hosts").jsonPath().getList("findAll { it.live }").size() == 1);
            String vmId = createVm(server);
            XenApiWire wire = new XenApiWire(server.url());

            String session = wire.xmlValue("session.login_with_password", "admin", ServerProcess.ADMIN_PASSWORD, "1.0", "it");
            assertThat(session).startsWith("OpaqueRef:");
            List<String> vms = wire.json("VM.get_all", session).getList("result", String.class);
            String vm = vms.stream().filter(ref -> wire.json("VM.get_uuid", session, ref).getString("result").equals(vmId))
                    .findFirst().orElseThrow();
            assertThat(vm).startsWith("OpaqueRef:").doesNotContain(vmId);
            JsonPath record = wire.json("VM.get_record", session, vm);
            assertThat(record.getString("result.power_state")).isEqualTo("Halted");
            assertThat(record.getString("result.name_label")).isEqualTo("xenapi-it");
            assertThat(record.getLong("result.memory_static_max")).isEqualTo(256 * MIB);
            assertThat(wire.json("VM.get_by_uuid", session, vmId).getString("result")).isEqualTo(vm);
            assertThat(wire.json("VM.get_by_name_label", session, "xenapi-it").getList("result")).containsExactly(vm);
            String host = wire.json("session.get_this_host", session, session).getString("result");
            assertThat(wire.json("host.get_API_version_major", session, host).getLong("result")).isEqualTo(2);
            String pool = wire.json("pool.get_all", session).getString("result[0]");
            assertThat(wire.json("pool.get_master", session, pool).getString("result")).isEqualTo(host);
            assertThat(wire.json("system.listMethods").getList("result")).contains("VM.start", "Async.VM.start", "VM.get_power_state");

            assertThat(wire.xmlValue("VM.start", session, vm, false, false)).isEmpty();
            assertThat(wire.xml("/RPC2", "VM.get_power_state", session, vm)).contains("<value>Running</value>");
            assertThat(wire.jsonFailure("VM.start", session, vm, false, false)).containsExactly("VM_BAD_POWER_STATE", vm, "Halted", "Running");
            assertThat(wire.xmlFailure("/", "VM.start", session, vm, false, false)).containsExactly("VM_BAD_POWER_STATE", vm, "Halted", "Running");

            String task = wire.json("Async.VM.clean_shutdown", session, vm).getString("result");
            assertThat(task).startsWith("OpaqueRef:");
            await().atMost(Duration.ofSeconds(60)).until(() -> !wire.json("task.get_status", session, task).getString("result").equals("pending"));
            JsonPath taskRecord = wire.json("task.get_record", session, task);
            assertThat(taskRecord.getString("result.status")).as(taskRecord.prettify()).isEqualTo("success");
            assertThat(taskRecord.getDouble("result.progress")).isEqualTo(1.0);
            assertThat(taskRecord.getList("result.error_info")).isEmpty();
            assertThat(wire.json("VM.get_power_state", session, vm).getString("result")).isEqualTo("Halted");

            events(server, wire, session, vm, vmId);
            setters(wire, session, vm, vmId);
            lifecycle(wire, session, vm, host);
            mistakes(server, wire, session, vm);

            assertThat(wire.json("session.logout", session).getString("result")).isEmpty();
            assertThat(wire.jsonFailure("VM.get_all", session)).containsExactly("SESSION_INVALID", session);
        } finally {
            server.stop();
        }
    }

    /**
     * event.from as XAPI answers it: the empty token gives every object as an add event with its
     * record; a change made over REST comes back as one mod event with the new record within the
     * timeout; the token resumes after it; a timeout with nothing selected answers no events and a
     * token; the older register/next sees the same change; bad tokens and timeouts are XAPI errors.
     */
    private static void events(ServerProcess server, XenApiWire wire, String session, String vm, String vmId) {
        JsonPath all = wire.json("event.from", session, List.of("VM"), "", 0);
        assertThat(all.getList("result.events.findAll { it.ref == '" + vm + "' }.operation")).containsExactly("add");
        assertThat(all.getString("result.events.find { it.ref == '" + vm + "' }.snapshot.power_state")).isEqualTo("Halted");
        assertThat(all.getString("result.events.find { it.ref == '" + vm + "' }.class")).isEqualTo("vm");
        assertThat(all.getInt("result.valid_ref_counts.vm")).isGreaterThanOrEqualTo(1);
        String token = all.getString("result.token");
        assertThat(token).matches("\\d{20},\\d{20}");
        wire.json("event.register", session, List.of("vm"));

        server.api().body(Map.of("name", "renamed-by-rest")).patch("/api/v1/vms/" + vmId).then().statusCode(200);
        JsonPath changed = wire.json("event.from", session, List.of("vm/" + vm), token, 30.0);
        assertThat(changed.getList("result.events.operation")).as(changed.prettify()).containsExactly("mod");
        assertThat(changed.getString("result.events[0].snapshot.name_label")).isEqualTo("renamed-by-rest");
        String next = changed.getString("result.token");
        assertThat(next).isGreaterThan(token);
        assertThat(wire.json("event.next", session).getList("result.findAll { it.ref == '" + vm + "' }.snapshot.name_label"))
                .contains("renamed-by-rest");

        String nobody = "vm/OpaqueRef:00000000-0000-4000-8000-000000000000";
        JsonPath quiet = wire.json("event.from", session, List.of(nobody), next, 1.0);
        assertThat(quiet.getList("result.events")).isEmpty();
        assertThat(quiet.getString("result.token")).isGreaterThanOrEqualTo(next);

        assertThat(wire.jsonFailure("event.from", session, List.of("vm"), "garbage", 1.0))
                .containsExactly("EVENT_FROM_TOKEN_PARSE_FAILURE", "garbage");
        assertThat(wire.jsonFailure("event.from", session, List.of("vm"), "99999999999999,0", 0))
                .containsExactly("EVENTS_LOST");
        assertThat(wire.jsonFailure("event.from", session, List.of("vm"), token, -1).get(0)).isEqualTo("VALUE_NOT_SUPPORTED");
        assertThat(wire.jsonFailure("event.from", session, "vm", token, 1.0)).containsExactly("FIELD_TYPE_ERROR", "classes");
        wire.json("event.unregister", session, List.of("vm"));
    }

    /**
     * The setters PATCH the VM: a name, int64s over JSON and as XML-RPC's strings of digits, map
     * and set edits (a key added twice is MAP_DUPLICATE_KEY), a wrong type, and a field Xenplane
     * does not let change has no setter.
     */
    private static void setters(XenApiWire wire, String session, String vm, String vmId) {
        wire.json("VM.set_name_label", session, vm, "set-over-xenapi");
        assertThat(wire.xmlValue("VM.get_name_label", session, vm)).isEqualTo("set-over-xenapi");
        assertThat(wire.xmlValue("VM.set_memory_dynamic_min", session, vm, Long.toString(192 * MIB))).isEmpty();
        wire.json("VM.set_memory_dynamic_range", session, vm, 160 * MIB, 224 * MIB);
        JsonPath record = wire.json("VM.get_record", session, vm);
        assertThat(record.getLong("result.memory_dynamic_min")).isEqualTo(160 * MIB);
        assertThat(record.getLong("result.memory_dynamic_max")).isEqualTo(224 * MIB);

        wire.json("VM.add_to_other_config", session, vm, "owner", "it");
        assertThat(wire.jsonFailure("VM.add_to_other_config", session, vm, "owner", "again"))
                .containsExactly("MAP_DUPLICATE_KEY", "VM", "other_config", vmId, "owner");
        assertThat(wire.json("VM.get_other_config", session, vm).getString("result.owner")).isEqualTo("it");
        wire.json("VM.remove_from_other_config", session, vm, "owner");
        assertThat(wire.json("VM.get_other_config", session, vm).getMap("result")).doesNotContainKey("owner");
        wire.json("VM.add_tags", session, vm, "web");
        assertThat(wire.json("VM.get_tags", session, vm).getList("result")).containsExactly("web");
        wire.json("VM.remove_tags", session, vm, "web");
        assertThat(wire.json("VM.get_tags", session, vm).getList("result")).isEmpty();

        assertThat(wire.jsonFailure("VM.set_VCPUs_max", session, vm, "many")).containsExactly("FIELD_TYPE_ERROR", "VCPUs_max");
        assertThat(wire.jsonFailure("VM.set_HVM_shadow_multiplier", session, vm, 2.0))
                .containsExactly("MESSAGE_METHOD_UNKNOWN", "VM.set_HVM_shadow_multiplier");
    }

    /**
     * Lifecycle operations over their REST endpoints: a synchronous clone answers the new VM's ref,
     * an Async snapshot's task ends in success naming the snapshot, destroy removes the clone, a
     * copy to another SR is refused as Xenplane cannot, suspend of a halted VM is XAPI's power
     * state error, and a host is disabled and enabled again.
     */
    private static void lifecycle(XenApiWire wire, String session, String vm, String host) {
        String clone = wire.json("VM.clone", session, vm, "xenapi-clone").getString("result");
        assertThat(clone).startsWith("OpaqueRef:").isNotEqualTo(vm);
        assertThat(wire.json("VM.get_name_label", session, clone).getString("result")).isEqualTo("xenapi-clone");
        String task = wire.json("Async.VM.snapshot", session, vm, "xenapi-snap").getString("result");
        await().atMost(Duration.ofSeconds(60)).until(() -> !wire.json("task.get_status", session, task).getString("result").equals("pending"));
        assertThat(wire.json("task.get_status", session, task).getString("result")).isEqualTo("success");
        assertThat(wire.json("task.get_result", session, task).getString("result")).startsWith("<value>OpaqueRef:");
        assertThat(wire.json("VM.destroy", session, clone).getString("result")).isEmpty();
        assertThat(wire.jsonFailure("VM.get_record", session, clone)).containsExactly("HANDLE_INVALID", "VM", clone);
        assertThat(wire.jsonFailure("VM.copy", session, vm, "c", host).get(0)).isEqualTo("VALUE_NOT_SUPPORTED");
        assertThat(wire.jsonFailure("VM.suspend", session, vm).get(0)).isEqualTo("VM_BAD_POWER_STATE");
        assertThat(wire.json("host.disable", session, host).getString("result")).isEmpty();
        assertThat(wire.json("host.enable", session, host).getString("result")).isEmpty();
    }

    private static void mistakes(ServerProcess server, XenApiWire wire, String session, String vm) {
        assertThat(wire.jsonFailure("VM.get_all", "OpaqueRef:not-a-session")).containsExactly("SESSION_INVALID", "OpaqueRef:not-a-session");
        assertThat(wire.jsonFailure("VM.get_all", "OpaqueRef:" + ServerProcess.ADMIN_TOKEN))
                .as("an API token is not a XenAPI session").containsExactly("SESSION_INVALID", "OpaqueRef:" + ServerProcess.ADMIN_TOKEN);
        assertThat(wire.jsonFailure("VM.frobnicate", session)).containsExactly("MESSAGE_METHOD_UNKNOWN", "VM.frobnicate");
        assertThat(wire.jsonFailure("VM.get_record", session)).containsExactly("MESSAGE_PARAMETER_COUNT_MISMATCH", "VM.get_record", "2", "1");
        assertThat(wire.xmlFailure("/", "VM.get_record", session, vm, "extra"))
                .containsExactly("MESSAGE_PARAMETER_COUNT_MISMATCH", "VM.get_record", "2", "3");
        String nobody = "OpaqueRef:00000000-0000-4000-8000-000000000000";
        assertThat(wire.jsonFailure("VM.get_record", session, nobody)).containsExactly("HANDLE_INVALID", "VM", nobody);
        assertThat(wire.jsonFailure("VM.get_record", session, "garbage")).containsExactly("HANDLE_INVALID", "VM", "garbage");
        assertThat(wire.jsonFailure("VM.start", session, vm, "yes", false)).containsExactly("FIELD_TYPE_ERROR", "start_paused");
        assertThat(wire.jsonFailure("session.login_with_password", "admin", "wrong"))
                .containsExactly("SESSION_AUTHENTICATION_FAILED", "admin", "Authentication failure");

        server.api().body(Map.of("username", "reader", "role", "read-only", "password", "reader-password-123"))
                .post("/api/v1/users").then().statusCode(201);
        String reader = wire.json("session.login_with_password", "reader", "reader-password-123").getString("result");
        assertThat(wire.json("VM.get_all", reader).getList("result")).contains(vm);
        assertThat(wire.jsonFailure("event.next", reader).get(0)).isEqualTo("SESSION_NOT_REGISTERED");
        assertThat(wire.jsonFailure("VM.start", reader, vm, false, false)).containsExactly("RBAC_PERMISSION_DENIED", "vm.start",
                "needs the role vm-operator");
    }

    private static String createVm(ServerProcess server) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", "6a1f2d3e-0000-4000-8000-000000000001");
        body.put("name", "xenapi-it");
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", 256 * MIB);
        body.put("memoryDynamicMin", 256 * MIB);
        body.put("memoryDynamicMax", 256 * MIB);
        return server.api().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
    }
}
