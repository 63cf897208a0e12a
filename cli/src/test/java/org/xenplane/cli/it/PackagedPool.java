package org.xenplane.cli.it;

import org.xenplane.testing.FreePorts;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged all-in-one server (embedded PostgreSQL) and the packaged host daemon simulating
 * two hosts, as real processes, for the CLI's tests. (services/server's tests have their own
 * ServerProcess and DaemonProcess, package-private there; this is the CLI's small equivalent.)
 */
final class PackagedPool implements AutoCloseable {
    static final String ADMIN_PASSWORD = "cli-it-admin-password";
    private static final String ADMIN_TOKEN = "xpu_cli-it-admin-token-0123456789abcdefghijklmnop";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    final String url;

    private PackagedPool(Path dir, int port) {
        this.dir = dir;
        this.url = "http://127.0.0.1:" + port;
    }

    static PackagedPool start(Path dir) throws Exception {
        PackagedPool pool = new PackagedPool(dir, FreePorts.next());
        pool.startServer();
        pool.startDaemon(pool.joinToken() + "," + pool.joinToken());
        await().atMost(Duration.ofSeconds(90)).until(() -> pool.liveHosts() == 2);
        return pool;
    }

    private void startServer() throws Exception {
        int port = URI.create(url).getPort();
        spawn("server", jar("xenplane.server.jar"), List.of(), Map.of("XENPLANE_DATA_DIR", dir.toString(),
                "XENPLANE_PORT", Integer.toString(port), "XENPLANE_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN,
                "XENPLANE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!processes.get(0).isAlive()) {
                throw new AssertionError("the server exited:\n" + Files.readString(dir.resolve("server.log")));
            }
            return status("/q/health/ready") == 200;
        });
    }

    private void startDaemon(String joinTokens) throws IOException {
        Path state = Files.createDirectories(dir.resolve("daemon"));
        spawn("daemon", jar("xenplane.daemon.jar"), List.of("-Dxenplane.daemon.control-plane-url=" + url,
                "-Dxenplane.daemon.join-tokens=" + joinTokens, "-Dxenplane.daemon.state-dir=" + state,
                "-Dxenplane.daemon.simulator.hosts=2",
                "-Dxenplane.daemon.storage.allowed-file-roots=" + System.getProperty("java.io.tmpdir"), "-Dxenplane.daemon.heartbeat-interval=500ms",
                // the ha commands turn HA on for a moment: a loaded machine's late pet must not kill the daemon every test uses
                "-Dxenplane.daemon.ha.watchdog=none",
                "-Dquarkus.http.port=" + FreePorts.next()), Map.of());
    }

    private void spawn(String name, Path jar, List<String> properties, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        processes.add(builder.start());
    }

    private String joinToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/pool/join-tokens"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return new ObjectMapper().readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("token").asText();
    }

    private int liveHosts() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/hosts"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        int live = 0;
        for (var host : new ObjectMapper().readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body())) {
            live += host.path("live").asBoolean() ? 1 : 0;
        }
        return live;
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException notYet) {
            return 0;
        }
    }

    String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IllegalStateException(property + " (" + path + ") is missing: run the build so that it is packaged");
        }
        return Path.of(path);
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) { // the daemon first, then the server
            Process process = processes.get(i);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
