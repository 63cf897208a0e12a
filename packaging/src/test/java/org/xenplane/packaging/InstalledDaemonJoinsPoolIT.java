package org.xenplane.packaging;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented way to add a host, end to end: the .deb installed (into a throw-away root), an
 * administrator issues a join token, `xenplane-daemon join` writes the config, and the daemon,
 * started as the systemd unit does (the config as its environment, the launcher's `run`), joins a
 * real all-in-one server and becomes a live host.
 */
class InstalledDaemonJoinsPoolIT {
    private static final String ADMIN_TOKEN = "xpu_installed-daemon-it-admin-token-0123456789ab";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anInstalledDaemonJoinedWithTheJoinCommandBecomesALiveHost() throws Exception {
        Path root = DebianPackage.installedRoot();
        Path work = Files.createTempDirectory(Repository.packagingTarget(), "daemon-joins");
        try (JavaApp server = JavaApp.start("services/server",
                Map.of("XENPLANE_DATA_DIR", work.toString(), "XENPLANE_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN),
                work.resolve("server.log"))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> server.status("/q/health/ready") == 200 || !server.isAlive());
            assertThat(server.status("/q/health/ready")).as(server.log()).isEqualTo(200);
            String controlPlane = "http://127.0.0.1:" + server.port;
            String joinToken = JSON.readTree(call("POST", controlPlane + "/api/v1/pool/join-tokens", "{}")).path("token").asText();

            Path config = root.resolve("etc/xenplane/daemon.conf");
            // What an administrator edits for this machine: where the state lives and the daemon's port.
            Files.writeString(config, Files.readString(config)
                    + "XENPLANE_DAEMON_STATE_DIR=" + root.resolve("var/lib/xenplane-daemon") + "\n"
                    + "XENPLANE_DAEMON_PORT=" + FreePorts.next() + "\n");
            Commands.run(List.of(root.resolve("usr/bin/xenplane-daemon").toString(), "join",
                    "--control-plane", controlPlane, "--token", joinToken, "--no-restart"),
                    Map.of("XENPLANE_DAEMON_CONFIG", config.toString()), root).expectSuccess();

            Process daemon = startAsTheUnitDoes(root, config, work.resolve("daemon.log"));
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    assertThat(daemon.isAlive()).as(Files.readString(work.resolve("daemon.log"))).isTrue();
                    JsonNode hosts = JSON.readTree(call("GET", controlPlane + "/api/v1/hosts", null));
                    return hosts.toString().contains("\"live\":true");
                });
                assertThat(root.resolve("var/lib/xenplane-daemon/sim-host-1.json")).isRegularFile();
            } finally {
                daemon.destroy();
                if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** The unit's EnvironmentFile (KEY=value lines) as the environment, and ExecStart=/usr/bin/xenplane-daemon run. */
    private static Process startAsTheUnitDoes(Path root, Path config, Path log) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : Files.readAllLines(config)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        ProcessBuilder builder = new ProcessBuilder(root.resolve("usr/bin/xenplane-daemon").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        builder.environment().put("XENPLANE_DAEMON_APP_DIR", root.resolve("usr/share/xenplane-daemon").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static String call(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isBetween(200, 299);
        return response.body();
    }
}
