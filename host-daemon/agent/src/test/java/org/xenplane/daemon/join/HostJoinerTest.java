package org.xenplane.daemon.join;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.domain.DomainManager;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.link.ControlPlaneClient;
import org.xenplane.daemon.link.IdentityStore;
import org.xenplane.daemon.link.MembershipState;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.JoinResponse;

/** Joining against a real (fake) control plane over HTTP, with a real state directory. */
class HostJoinerTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));
    private static final LocalHost HOST_1 = host(1);
    private static final LocalHost HOST_2 = host(2);

    @TempDir
    Path stateDir;

    private FakeControlPlane controlPlane;
    private HostJoiner joiner;
    private Memberships memberships;

    @BeforeEach
    void startControlPlane() throws IOException {
        controlPlane = FakeControlPlane.start();
    }

    @AfterEach
    void stop() {
        if (joiner != null) {
            joiner.stop();
        }
        controlPlane.close();
    }

    @Test
    void daemonRestartedWithSavedIdentityDoesNotJoinAgain() {
        JoinResponse issued = controlPlane.issue("xpj_a");
        startDaemon().start(HOST_1, List.of("xpj_a"));
        await().until(() -> memberships.of("sim-host-1").isJoined());
        joiner.stop();

        startDaemon().start(HOST_1, List.of("xpj_a"));

        assertEquals(MembershipState.JOINED, memberships.of("sim-host-1").state());
        assertEquals(issued, memberships.identity("sim-host-1").orElseThrow());
        assertEquals(1, controlPlane.joins().size());
    }

    @Test
    void joinIsRetriedWithBackoffWhileTheControlPlaneIsUnavailable() {
        JoinResponse issued = controlPlane.issue("xpj_a");
        controlPlane.answerNextJoinsUnavailable(3);
        startDaemon().start(HOST_1, List.of("xpj_a"));
        await().until(() -> memberships.of("sim-host-1").isJoined());
        assertEquals(issued, memberships.identity("sim-host-1").orElseThrow());
        assertEquals(4, controlPlane.joins().size());
    }

    @Test
    void refusedJoinIsNotRetried() {
        startDaemon().start(HOST_1, List.of("xpj_never-issued"));
        await().until(() -> memberships.of("sim-host-1").state() == MembershipState.JOIN_REFUSED);
        assertEquals(1, controlPlane.joins().size());
    }

    @Test
    void hostWithoutTokenIsSkippedWhileTheOthersJoin() {
        controlPlane.issue("xpj_a");
        startDaemon();
        joiner.start(HOST_1, List.of("xpj_a"));
        joiner.start(HOST_2, List.of("xpj_a"));
        assertEquals(MembershipState.NO_JOIN_TOKEN, memberships.of("sim-host-2").state());
        await().until(() -> memberships.of("sim-host-1").isJoined());
    }

    private HostJoiner startDaemon() {
        ObjectMapper json = new ObjectMapper();
        memberships = new Memberships();
        joiner = new HostJoiner(new ControlPlaneClient(controlPlane.url(), json), new IdentityStore(stateDir, json),
                memberships, Executors.newSingleThreadScheduledExecutor(), FAST, "http://127.0.0.1:8444");
        return joiner;
    }

    private static LocalHost host(int number) {
        return new LocalHost("sim-host-" + number, number, "127.0.0.1", new DomainManager("sim-host-" + number,
                new SimulatedHost(SimulatorSettings.host(4, 4096), "test"), Path.of("/nonexistent")));
    }
}
