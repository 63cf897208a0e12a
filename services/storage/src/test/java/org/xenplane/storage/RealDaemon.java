package org.xenplane.storage;

import org.xenplane.testing.FreePorts;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.daemon.DaemonCredentials;

/**
 * The real host daemon (its packaged jar, simulating two hosts, with the real qemu-img), started
 * once per test JVM. Instead of joining, each simulated host is given an identity file whose
 * control-plane credential is the one this control plane computes, and a row in the host table.
 */
public final class RealDaemon {
    private static RealDaemon instance;

    public final List<UUID> hosts = new ArrayList<>();
    public final Path root;
    private final Process process;
    private final int port;

    private RealDaemon(DaemonCredentials credentials, EntityManager em) throws Exception {
        root = Files.createTempDirectory("xenplane-storage-test");
        Path state = Files.createDirectories(root.resolve("state"));
        for (int i = 1; i <= 2; i++) {
            UUID hostId = UUID.randomUUID();
            hosts.add(hostId);
            Files.writeString(state.resolve("sim-host-" + i + ".json"), """
                    {"hostId": "%s", "poolId": "%s", "hostCredential": "xph_unused", "controlPlaneCredential": "%s"}
                    """.formatted(hostId, UUID.randomUUID(), credentials.forHost(hostId)));
        }
        port = FreePorts.next();
        String jar = System.getProperty("xenplane.daemon.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("the daemon jar " + jar + " is missing: build host-daemon/agent first (./mvnw verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dxenplane.daemon.state-dir=" + state,
                "-Dxenplane.daemon.simulator.hosts=2",
                "-Dxenplane.daemon.storage.allowed-file-roots=" + System.getProperty("java.io.tmpdir"),
                "-Dxenplane.daemon.control-plane-url=http://127.0.0.1:9",
                "-Dxenplane.daemon.heartbeat-interval=1h",
                "-Dxenplane.daemon.storage.mount-root=" + root.resolve("mnt"),
                "-Dquarkus.http.port=" + port,
                "-jar", jar).redirectErrorStream(true).redirectOutput(root.resolve("daemon.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_") || k.startsWith("QUARKUS_"));
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the daemon exited: " + Files.readString(root.resolve("daemon.log")));
            }
            try {
                HttpRequest info = HttpRequest.newBuilder(URI.create(daemonUrl(1) + "/info"))
                        .header("Authorization", "Bearer " + credentials.forHost(hosts.get(0))).build();
                return http.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 2; i++) {
                em.createNativeQuery("insert into host (id, name, daemon_url, live) values (?1, ?2, ?3, true)")
                        .setParameter(1, hosts.get(i - 1)).setParameter(2, "sim-host-" + i)
                        .setParameter(3, daemonUrl(i)).executeUpdate();
            }
        });
    }

    public static synchronized RealDaemon start(DaemonCredentials credentials, EntityManager em) {
        if (instance == null) {
            try {
                instance = new RealDaemon(credentials, em);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String daemonUrl(int host) {
        return "http://127.0.0.1:" + port + "/daemon/v1/hosts/sim-host-" + host;
    }

    public UUID host(int number) {
        return hosts.get(number - 1);
    }

    /** A fresh directory for a file SR. */
    public Path newSrPath() {
        return root.resolve("srs").resolve(UUID.randomUUID().toString());
    }
}
