package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates that make disks (XAPI's {@code VM.provision}), with the packaged server and daemon (a
 * simulated host, the real qemu-img): a template of one's own lists a root disk without an SR; a VM
 * made from it gets that disk on the default SR (a qcow2 file, a bootable VBD in slot 0) and starts
 * with it attached; {@code provision: false} gives no disk; a provisioning that fails on its second
 * disk (too big for the SR) leaves no VM, no VDI, no VBD and no file.
 */
class TemplateDisksScenarioIT {
    private static final long MIB = 1024 * 1024;
    private static final String LINUX_PVH = "6a1f2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path workDir;

    @Test
    void aVmFromATemplateGetsItsDisksOrNothingAtAll() throws Exception {
        Path state = Files.createDirectories(workDir.resolve("daemon"));
        Files.createDirectories(workDir.resolve("server"));
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next()).start()) {
            DaemonProcess daemon = new DaemonProcess(state, server.url(), 1, server.newJoinToken(), FreePorts.next()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                        server.api().get("/api/v1/pool").then().extract().path("defaultSr") != null);
                String sr = server.api().get("/api/v1/pool").then().extract().path("defaultSr");
                Path srDir = Path.of(server.api().get("/api/v1/srs/" + sr).then().extract().<String>path("deviceConfig.path"));

                String template = server.api().body(Map.of("name", "web")).post("/api/v1/vms/" + LINUX_PVH + "/clone")
                        .then().statusCode(201).extract().path("id");
                setDisks(server, template, List.of(disk(8 * MIB, 0, true)));

                String vm = create(server, template, "web-1", null).statusCode(201).extract().path("id");
                JsonPath vbds = server.api().get("/api/v1/vbds?vm=" + vm).then().statusCode(200).extract().jsonPath();
                assertThat(vbds.getList("userdevice", Integer.class)).containsExactly(0);
                assertThat(vbds.getBoolean("[0].bootable")).isTrue();
                assertThat(vbds.getString("[0].mode")).isEqualTo("RW");
                String vdi = vbds.getString("[0].vdiId");
                server.api().get("/api/v1/vdis/" + vdi).then().statusCode(200)
                        .body("srId", equalTo(sr)).body("virtualSize", equalTo((int) (8 * MIB)));
                assertThat(srDir.resolve(vdi + ".qcow2")).exists();
                server.api().body(Map.of()).post("/api/v1/vms/" + vm + "/start").then().statusCode(202);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        "running".equals(server.api().get("/api/v1/vms/" + vm).then().extract().path("powerState")));
                assertThat(server.api().get("/api/v1/vbds?vm=" + vm).then().extract().jsonPath()
                        .getBoolean("[0].currentlyAttached")).isTrue();

                String bare = create(server, template, "bare", false).statusCode(201).extract().path("id");
                assertThat(server.api().get("/api/v1/vbds?vm=" + bare).then().extract().jsonPath().getList("id")).isEmpty();

                List<String> vdisBefore = ids(server, "/api/v1/vdis");
                List<String> vbdsBefore = ids(server, "/api/v1/vbds");
                List<Path> filesBefore = files(srDir);
                setDisks(server, template, List.of(disk(8 * MIB, 0, true), disk(1L << 45, 1, false)));
                create(server, template, "too-big", null).statusCode(409).body("code", equalTo("SR_FULL"));
                assertThat(server.api().get("/api/v1/vms?template=false").then().extract().jsonPath().getList("name"))
                        .doesNotContain("too-big");
                assertThat(ids(server, "/api/v1/vdis")).containsExactlyInAnyOrderElementsOf(vdisBefore);
                assertThat(ids(server, "/api/v1/vbds")).containsExactlyInAnyOrderElementsOf(vbdsBefore);
                assertThat(files(srDir)).containsExactlyInAnyOrderElementsOf(filesBefore);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
            } finally {
                daemon.close();
            }
        }
    }

    private static Map<String, Object> disk(long size, int userdevice, boolean bootable) {
        return Map.of("virtualSize", size, "userdevice", userdevice, "bootable", bootable);
    }

    private static void setDisks(ServerProcess server, String template, List<Map<String, Object>> disks) {
        server.api().body(Map.of("provisionDisks", disks)).patch("/api/v1/vms/" + template).then().statusCode(200)
                .body("provisionDisks.size()", equalTo(disks.size()));
    }

    private static io.restassured.response.ValidatableResponse create(ServerProcess server, String template, String name,
                                                                      Boolean provision) {
        Map<String, Object> body = provision == null ? Map.of("template", template, "name", name)
                : Map.of("template", template, "name", name, "provision", provision);
        return server.api().body(body).post("/api/v1/vms").then();
    }

    private static List<String> ids(ServerProcess server, String path) {
        return server.api().get(path).then().statusCode(200).extract().jsonPath().getList("id");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }
}
