package org.xenplane.daemon;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a {@link FakeControlPlane} with two join tokens ({@code xpj_a}, {@code xpj_b}) and points
 * a daemon simulating two hosts at it, with a fresh state directory and 200 ms heartbeats.
 */
public class FakeControlPlaneResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN_HOST_1 = "xpj_a";
    public static final String TOKEN_HOST_2 = "xpj_b";
    public static final String METRICS_TOKEN = "prometheus-test-token";

    private FakeControlPlane controlPlane;
    private Path temporary;

    @Override
    public Map<String, String> start() {
        try {
            controlPlane = FakeControlPlane.start();
            temporary = Files.createTempDirectory("xenplane-daemon-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        controlPlane.issue(TOKEN_HOST_1);
        controlPlane.issue(TOKEN_HOST_2);
        return Map.of(
                "xenplane.daemon.control-plane-url", controlPlane.url(),
                "xenplane.daemon.join-tokens", TOKEN_HOST_1 + "," + TOKEN_HOST_2,
                "xenplane.daemon.simulator.hosts", "2",
                // not created yet: the daemon creates it, 0700
                "xenplane.daemon.state-dir", temporary.resolve("state").toString(),
                "xenplane.daemon.heartbeat-interval", "200ms",
                "xenplane.daemon.simulator.reboot-delay", "1s",
                "xenplane.daemon.metrics.interval", "200ms",
                "xenplane.daemon.metrics.token", METRICS_TOKEN,
                // the daemon is this test JVM: a simulated watchdog must never be able to kill it
                "xenplane.daemon.ha.watchdog", "none",
                // the tests' SRs are temporary directories
                "xenplane.daemon.storage.allowed-file-roots", System.getProperty("java.io.tmpdir"));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(controlPlane,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeControlPlane.class, FakeControlPlane.class));
    }

    @Override
    public void stop() {
        if (controlPlane != null) {
            controlPlane.close();
        }
        if (temporary != null) {
            try (Stream<Path> files = Files.walk(temporary)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
