package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.xensource.xenapi.Connection;
import com.xensource.xenapi.Session;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VM;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Citrix Java SDK (com.citrix.hypervisor:xen-api 8.1.0, XML-RPC at POST /) against the
 * packaged server and a simulated host: login, list VMs with their records, start, start twice
 * (the SDK's typed VmBadPowerState), a bad ref, shut down, logout.
 */
class XenApiJavaSdkIT {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path workDir;

    @Test
    void theCitrixJavaSdkLogsInStartsAndShutsDownAVm() throws Exception {
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        try (DaemonProcess daemon = new DaemonProcess(Files.createDirectories(workDir.resolve("daemon")), server.url(), 1,
                server.newJoinToken(), FreePorts.next()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    server.api().get("/api/v1/hosts").jsonPath().getList("findAll { it.live }").size() == 1);
            String vmId = createVm(server);

            Connection connection = new Connection(new URL(server.url() + "/"));
            Session.loginWithPassword(connection, "admin", ServerProcess.ADMIN_PASSWORD, "1.0", "XenApiJavaSdkIT");
            Map<VM, VM.Record> records = VM.getAllRecords(connection);
            VM vm = VM.getByUuid(connection, vmId);
            assertThat(records).containsKey(vm);
            VM.Record record = records.get(vm);
            assertThat(record.nameLabel).isEqualTo("sdk-client");
            assertThat(record.powerState).isEqualTo(Types.VmPowerState.HALTED);
            assertThat(record.memoryStaticMax).isEqualTo(256 * MIB);

            vm.start(connection, false, false);
            assertThat(vm.getPowerState(connection)).isEqualTo(Types.VmPowerState.RUNNING);
            assertThatThrownBy(() -> vm.start(connection, false, false)).isInstanceOfSatisfying(Types.VmBadPowerState.class,
                    e -> assertThat(e.actual).isEqualTo("Running"));
            VM nobody = Types.toVM("OpaqueRef:00000000-0000-4000-8000-000000000000");
            assertThatThrownBy(() -> nobody.getRecord(connection)).isInstanceOf(Types.HandleInvalid.class);
            vm.cleanShutdown(connection);
            assertThat(vm.getPowerState(connection)).isEqualTo(Types.VmPowerState.HALTED);
            assertThatThrownBy(() -> VM.getByUuid(connection, "00000000-0000-4000-8000-000000000000"))
                    .isInstanceOf(Types.UuidInvalid.class);
            Session.logout(connection);
        } finally {
            server.stop();
        }
    }

    private static String createVm(ServerProcess server) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", "6a1f2d3e-0000-4000-8000-000000000001");
        body.put("name", "sdk-client");
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", 256 * MIB);
        body.put("memoryDynamicMin", 256 * MIB);
        body.put("memoryDynamicMax", 256 * MIB);
        return server.api().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
    }
}
