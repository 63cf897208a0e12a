package org.xenplane.daemon.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.daemon.protocol.ha.HaLease;

/**
 * A real daemon process ({@code target/quarkus-app}) with HA on (T = 12 s) and the simulated
 * watchdog (default 3 s), against a fake control plane over HTTP: killed (SIGKILL) and restarted
 * within its lease, it keeps its domain; frozen (SIGSTOP), its watchdog kills it and its simulated
 * host comes back powered off, without the domain.
 */
class DaemonWatchdogIT {
    private static final long T = 12_000;
    private static final String TOKEN = "xpj_watchdog";
    private static final String KEY = "sim-host-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private FakeControlPlane controlPlane;
    private JoinResponse identity;
    private int port;
    private Process daemon;

    @BeforeEach
    void controlPlaneWithHa() throws IOException {
        controlPlane = FakeControlPlane.start();
        identity = controlPlane.issue(TOKEN);
        controlPlane.acknowledgeWith(id -> new HaLease(true, T, List.of(), "peer-" + UUID.randomUUID()));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (daemon != null && daemon.isAlive()) {
                controlPlane.acknowledgeWith(null); // HA off: the daemon disarms its watchdog
                await().atMost(Duration.ofSeconds(20)).until(() -> "disabled".equals(haState()));
                daemon.destroy();
                daemon.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            if (daemon != null) {
                daemon.destroyForcibly();
            }
            watchdogChild().ifPresent(ProcessHandle::destroyForcibly);
            controlPlane.close();
        }
    }

    /** SIGKILL, then a new daemon within the lease: the simulated host keeps its domain, beyond the watchdog's 3 s. */
    @Test
    void aDaemonKilledAndRestartedWithinItsLeaseKeepsItsDomains() throws Exception {
        start();
        UUID vm = createDomain();
        assertThat(grantedMillis()).as("the first acknowledgement pets the watchdog to the lease's end")
                .isGreaterThan(3_000);
        long killed = System.nanoTime();
        signal("KILL");
        daemon.waitFor(10, TimeUnit.SECONDS);
        start();
        System.out.printf("daemon back with a valid lease %d ms after SIGKILL%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> daemon.isAlive() && hasDomain(vm));
        assertThat(Files.exists(marker())).isFalse();
    }

    /** SIGSTOP: nobody pets, the watchdog SIGKILLs the frozen daemon; the restarted daemon's host is empty. */
    @Test
    void aFrozenDaemonIsKilledByItsWatchdogAndItsHostComesBackEmpty() throws Exception {
        start();
        UUID vm = createDomain();
        long frozen = System.nanoTime();
        signal("STOP");
        await().atMost(Duration.ofMillis(T + 15_000)).until(() -> !daemon.isAlive());
        System.out.printf("frozen daemon killed by its watchdog %d ms after SIGSTOP (T = %d ms)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen), T);
        assertThat(daemon.exitValue()).isEqualTo(128 + 9);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(marker()));
        start();
        assertThat(hasDomain(vm)).isFalse();
        assertThat(Files.exists(marker())).isFalse();
    }

    private void start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("XENPLANE_DAEMON_CONTROL_PLANE_URL", controlPlane.url());
        env.put("XENPLANE_DAEMON_JOIN_TOKENS", TOKEN);
        env.put("XENPLANE_DAEMON_STATE_DIR", dir.resolve("state").toString());
        env.put("XENPLANE_DAEMON_PORT", Integer.toString(port));
        env.put("XENPLANE_DAEMON_HEARTBEAT_INTERVAL", "500ms");
        env.put("XENPLANE_DAEMON_METRICS_PUSH", "false");
        env.put("XENPLANE_DAEMON_HA_WATCHDOG", "simulated");
        daemon = builder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> "lease-valid".equals(haState()));
    }

    private UUID createDomain() throws Exception {
        UUID vm = UUID.randomUUID();
        Map<String, Object> spec = Map.ofEntries(Map.entry("vmId", vm.toString()), Map.entry("name", "guest"),
                Map.entry("type", "pvh"), Map.entry("memoryStaticMax", 268435456L), Map.entry("memoryTarget", 268435456L),
                Map.entry("vcpusMax", 1), Map.entry("vcpusOnline", 1), Map.entry("kernel", "/boot/vmlinuz"),
                Map.entry("platform", Map.of()), Map.entry("disks", List.of()), Map.entry("nics", List.of()));
        HttpResponse<String> created = HTTP.send(api("/domains/" + vm)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("spec", spec, "paused", false))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(hasDomain(vm)).isTrue();
        return vm;
    }

    private boolean hasDomain(UUID vm) throws Exception {
        HttpResponse<String> report = HTTP.send(api("/domains").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        for (JsonNode domain : JSON.readTree(report.body()).path("domains")) {
            if (vm.toString().equals(domain.path("vmId").asText())) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/daemon/v1/hosts/" + KEY + path))
                .header("Authorization", "Bearer " + identity.controlPlaneCredential())
                .timeout(Duration.ofSeconds(10));
    }

    private String haState() {
        try {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
                if ("ha".equals(check.path("name").asText())) {
                    return check.path("data").path(KEY).asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How long the watchdog waits from the daemon's last pet: the pet file's third field. */
    private long grantedMillis() throws IOException {
        String[] pet = Files.readString(dir.resolve("state").resolve("watchdog").resolve(KEY + ".pet")).trim().split(" ");
        return Long.parseLong(pet[2]);
    }

    private Path marker() {
        return SimulatedHost.powerOffMarker(dir.resolve("state").resolve("simulator").resolve(KEY + ".json"));
    }

    private java.util.Optional<ProcessHandle> watchdogChild() {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("state").resolve("watchdog").resolve(KEY + ".pid")).trim());
            return ProcessHandle.of(pid);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private void signal(String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(daemon.pid())).start().waitFor()).isZero();
    }
}
