package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local storage by default, with the packaged server and the packaged daemon (simulated hosts, the
 * real qemu-img): every host that joins gets one plugged, unshared {@code file} SR named
 * "Local storage on &lt;host&gt;" in its daemon's state directory; the first becomes the pool's default SR,
 * where a disk that names no SR goes. The default SR is validated when set; a daemon restart makes no
 * second local SR (a third host joining at the restart proves a pass ran over all three); destroying
 * the default SR unsets it, and a disk without an SR is then refused with a stable code.
 */
class LocalStorageScenarioIT {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path workDir;

    @Test
    void everyHostGetsOneLocalSrAndTheFirstIsTheDefault() throws Exception {
        int daemonPort = FreePorts.next();
        Path state = Files.createDirectories(workDir.resolve("daemon"));
        Files.createDirectories(workDir.resolve("server"));
        try (ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir.resolve("server"), FreePorts.next()).start()) {
            String tokens = server.newJoinToken() + "," + server.newJoinToken() + "," + server.newJoinToken();
            DaemonProcess daemon = new DaemonProcess(state, server.url(), 2, tokens, daemonPort).start();
            try {
                List<JsonPath> local = awaitLocalSrs(server, 2);
                for (JsonPath sr : local) {
                    String host = server.api().get("/api/v1/hosts/" + sr.getString("hostId")).then().extract().path("name");
                    assertThat(sr.getString("name")).isEqualTo("Local storage on " + host);
                    assertThat(sr.getBoolean("shared")).isFalse();
                    assertThat(sr.getString("type")).isEqualTo("file");
                    assertThat(sr.getString("deviceConfig.path")).isEqualTo(state.resolve("sr").resolve(host).toString());
                    assertThat(server.api().get("/api/v1/pbds?sr=" + sr.getString("id")).then().extract().jsonPath()
                            .getList("currentlyAttached", Boolean.class)).containsExactly(true);
                }
                List<String> ids = local.stream().map(sr -> sr.getString("id")).toList();
                String defaultSr = server.api().get("/api/v1/pool").then().statusCode(200).extract().path("defaultSr");
                assertThat(ids).contains(defaultSr);

                String vdi = server.api().body(Map.of("name", "no sr given", "virtualSize", 4 * MIB))
                        .post("/api/v1/vdis").then().statusCode(201).body("srId", equalTo(defaultSr)).extract().path("id");
                String defaultPath = local.get(ids.indexOf(defaultSr)).getString("deviceConfig.path");
                assertThat(Path.of(defaultPath, vdi + ".qcow2")).exists();

                String other = ids.get(1 - ids.indexOf(defaultSr));
                setDefaultSr(server, UUID.randomUUID().toString()).statusCode(404).body("code", equalTo("HANDLE_INVALID"));
                String otherPbd = server.api().get("/api/v1/pbds?sr=" + other).then().extract().path("[0].id");
                server.api().body(Map.of()).post("/api/v1/pbds/" + otherPbd + "/unplug").then().statusCode(200);
                setDefaultSr(server, other).statusCode(409).body("code", equalTo("SR_HAS_NO_PBDS"));
                assertThat(server.api().get("/api/v1/pool").then().extract().<String>path("defaultSr")).isEqualTo(defaultSr);
                server.api().body(Map.of()).post("/api/v1/pbds/" + otherPbd + "/plug").then().statusCode(200);
                setDefaultSr(server, other).statusCode(200).body("defaultSr", equalTo(other));

                daemon.close();
                daemon = new DaemonProcess(state, server.url(), 3, tokens, daemonPort).start();
                List<JsonPath> after = awaitLocalSrs(server, 3);
                assertThat(after.stream().map(sr -> sr.getString("hostId")).distinct()).hasSize(3);
                assertThat(after.stream().map(sr -> sr.getString("id"))).containsAll(ids);

                expect(server.api().delete("/api/v1/vdis/" + vdi), 204);
                server.api().body(Map.of()).post("/api/v1/pbds/" + otherPbd + "/unplug").then().statusCode(200);
                expect(server.api().delete("/api/v1/srs/" + other), 204);
                assertThat(server.api().get("/api/v1/pool").then().extract().<String>path("defaultSr")).isNull();
                server.api().body(Map.of("name", "nowhere", "virtualSize", 4 * MIB)).post("/api/v1/vdis")
                        .then().statusCode(409).body("code", equalTo("DEFAULT_SR_NOT_SET"));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log() + "\n" + daemon.log(), e);
            } finally {
                daemon.close();
            }
        }
    }

    private static void expect(io.restassured.response.Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    }

    private static io.restassured.response.ValidatableResponse setDefaultSr(ServerProcess server, String sr) {
        return server.api().body(Map.of("defaultSr", sr)).patch("/api/v1/pool").then();
    }

    /** Awaits exactly {@code count} local SRs (any more fails at once: a second SR for a host). */
    private static List<JsonPath> awaitLocalSrs(ServerProcess server, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            int found = localSrs(server).size();
            assertThat(found).isLessThanOrEqualTo(count);
            return found == count;
        });
        return localSrs(server);
    }

    private static List<JsonPath> localSrs(ServerProcess server) {
        String all = server.api().get("/api/v1/srs").then().statusCode(200).extract().asString();
        int n = new JsonPath(all).getList("id").size();
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new JsonPath(all).setRootPath("[" + i + "]"))
                .filter(sr -> sr.getString("name").startsWith("Local storage on ")).toList();
    }
}
