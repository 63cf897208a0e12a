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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real XenAPI client, Xen Orchestra's npm {@code xen-api} (JSON-RPC), run by Debian's node
 * against the packaged server and a simulated host: login, list VMs, start through an Async task,
 * start twice, a bad ref, shut down, logout; a second client with {@code watchEvents} keeps its
 * objects collection by {@code event.inject}, {@code get_all_records} and {@code event.from}, and
 * sees the VM go Halted, Running, Halted there without reading it again. The client is installed with {@code npm ci} from the
 * committed lock file into target/ when it is not there yet.
 */
class XenApiNpmClientIT {
    private static final long MIB = 1024 * 1024;
    private static final Path CLIENT = Path.of("src/test/resources/xenapi-npm");
    private static final Path INSTALLED = Path.of("target/xenapi-npm");

    @TempDir
    Path workDir;

    @Test
    void xenOrchestrasClientLogsInStartsAndShutsDownAVm() throws Exception {
        Path client = install();
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        try (DaemonProcess daemon = new DaemonProcess(Files.createDirectories(workDir.resolve("daemon")), server.url(), 1,
                server.newJoinToken(), FreePorts.next()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    server.api().get("/api/v1/hosts").jsonPath().getList("findAll { it.live }").size() == 1);
            String vm = createVm(server);

            String out = run(client, List.of("node", "lifecycle.mjs", server.url(), "admin", ServerProcess.ADMIN_PASSWORD, vm));
            JsonPath seen = JsonPath.from(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
            assertThat(seen.getString("pool")).startsWith("OpaqueRef:");
            assertThat(seen.getInt("vms")).isGreaterThanOrEqualTo(1);
            assertThat(seen.getList("states")).containsExactly("Halted", "Running", "Halted");
            assertThat(seen.getString("startTask")).isEqualTo("success");
            assertThat(seen.getList("watched")).containsExactly("Halted", "Running", "Halted");
            assertThat(seen.getString("watchError")).isNull();
            assertThat(seen.getString("startTwice")).isEqualTo("VM_BAD_POWER_STATE");
            assertThat(seen.getString("badRef")).isEqualTo("HANDLE_INVALID");
        } finally {
            server.stop();
        }
    }

    /** The client and its lock file, installed once into target/ with {@code npm ci}. */
    private static Path install() throws Exception {
        Files.createDirectories(INSTALLED);
        for (String file : List.of("package.json", "package-lock.json", "lifecycle.mjs")) {
            Files.copy(CLIENT.resolve(file), INSTALLED.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(INSTALLED.resolve("node_modules/xen-api"))) {
            run(INSTALLED, List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        return INSTALLED;
    }

    private static String run(Path dir, List<String> command) throws Exception {
        Path log = Files.createTempFile("xenapi-npm", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(ended && p.exitValue() == 0).as("%s: %s", command, out).isTrue();
        return out;
    }

    private static String createVm(ServerProcess server) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", "6a1f2d3e-0000-4000-8000-000000000001");
        body.put("name", "npm-client");
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", 256 * MIB);
        body.put("memoryDynamicMin", 256 * MIB);
        body.put("memoryDynamicMax", 256 * MIB);
        return server.api().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
    }
}
