package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage with real processes: the packaged all-in-one server and the packaged host daemon
 * (two simulated hosts that join with tokens), the real qemu-img. A shared file SR is plugged on
 * both hosts; a disk is filled, snapshotted, attached for a VM on the second host; the daemon is
 * killed (the disk cannot be attached while its host is down) and restarted, and it still serves
 * the SR it had plugged: the disk's content comes back byte for byte.
 */
class StorageScenarioIT {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path workDir;

    @Test
    void aDiskOnASharedSrSurvivesItsDaemonsCrashAndRestart() throws Exception {
        int daemonPort = FreePorts.next();
        java.nio.file.Files.createDirectories(workDir.resolve("server"));
        java.nio.file.Files.createDirectories(workDir.resolve("daemon"));
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next()).start()) {
            String tokens = server.newJoinToken() + "," + server.newJoinToken();
            DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), server.url(), 2, tokens, daemonPort).start();
            try {
                List<String> hosts = awaitLiveHosts(server, 2);
                String sr = server.api().body(Map.of("name", "shared", "type", "file", "shared", true,
                                "deviceConfig", Map.of("path", workDir.resolve("sr").toString())))
                        .post("/api/v1/srs").then().statusCode(201).extract().path("id");
                String vdi = server.api().body(Map.of("srId", sr, "name", "disk", "virtualSize", 4 * MIB))
                        .post("/api/v1/vdis").then().statusCode(201).extract().path("id");
                byte[] data = new byte[(int) (4 * MIB)];
                new Random(3).nextBytes(data);
                given().baseUri(server.url()).auth().oauth2(ServerProcess.ADMIN_TOKEN).contentType("application/octet-stream")
                        .body(data).put("/api/v1/vdis/" + vdi + "/content?format=raw").then().statusCode(200);
                server.api().body(Map.of()).post("/api/v1/vdis/" + vdi + "/snapshot").then().statusCode(201);
                String vm = UUID.randomUUID().toString();
                server.api().body(Map.of("vmId", vm, "vdiId", vdi, "userdevice", 0, "mode", "RW"))
                        .post("/api/v1/vbds").then().statusCode(201);
                JsonPath disks = server.api().body(Map.of("vmId", vm, "hostId", hosts.get(1)))
                        .post("/api/v1/vbds/attach-vm").then().statusCode(200).extract().jsonPath();
                assertThat(disks.getString("[0].path")).isEqualTo(workDir.resolve("sr").resolve(vdi + ".qcow2").toString());
                server.api().body(Map.of("vmId", vm)).post("/api/v1/vbds/detach-vm").then().statusCode(200);

                daemon.kill();
                awaitLiveHosts(server, 0);
                server.api().body(Map.of("vmId", vm, "hostId", hosts.get(1))).post("/api/v1/vbds/attach-vm")
                        .then().statusCode(503).body("code", org.hamcrest.Matchers.equalTo("HOST_OFFLINE"));

                daemon = new DaemonProcess(workDir.resolve("daemon"), server.url(), 2, tokens, daemonPort).start();
                awaitLiveHosts(server, 2);
                byte[] exported = given().baseUri(server.url()).auth().oauth2(ServerProcess.ADMIN_TOKEN)
                        .get("/api/v1/vdis/" + vdi + "/content?format=raw").then().statusCode(200).extract().asByteArray();
                assertThat(exported).isEqualTo(data);
                assertThat(server.api().get("/api/v1/vdis/" + vdi).then().extract().jsonPath().getInt("chainDepth")).isEqualTo(2);
                server.api().body(Map.of("vmId", vm, "hostId", hosts.get(0))).post("/api/v1/vbds/attach-vm").then().statusCode(200);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
            } finally {
                daemon.close();
            }
        }
    }

    private static List<String> awaitLiveHosts(ServerProcess server, int live) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("findAll { it.live }").size() == live);
        return server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("id");
    }
}
