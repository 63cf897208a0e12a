package org.xenplane.daemon.ha.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * The simulated watchdog with real processes: its child (a bash loop in its own session) watches
 * the pet file of a real "daemon" process (a {@code sleep} this test starts), and SIGKILLs it when
 * the pets stop, even while that process is frozen with SIGSTOP; the simulated host then comes
 * back powered off.
 */
class SimulatedWatchdogTest {
    private static final Duration TIMEOUT = Duration.ofMillis(600);

    @TempDir
    Path dir;
    private Process daemon;
    private SimulatedWatchdog watchdog;
    private final ScheduledExecutorService petter = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = new ProcessBuilder("sleep", "300").start();
        watchdog = new SimulatedWatchdog(dir.resolve("watchdog"), "sim-host-1", marker(), TIMEOUT, daemon.pid());
    }

    @AfterEach
    void cleanUp() {
        petter.shutdownNow();
        watchdog.process().ifPresent(ProcessHandle::destroyForcibly);
        daemon.destroyForcibly();
    }

    /**
     * Petted every 100 ms, the watchdog leaves the daemon alone; once the daemon is frozen
     * (SIGSTOP) and nobody pets, it kills it within about its timeout and leaves the power-off
     * marker; a simulated host opened from that state comes back without its domain.
     */
    @Test
    void aFrozenDaemonIsKilledAndItsHostComesBackPoweredOff() throws Exception {
        Path hostFile = dir.resolve("simulator").resolve("sim-host-1.json");
        SimulatedHost host = SimulatedHost.persistent(SimulatorSettings.host(8, 16384), "test", hostFile);
        UUID vm = UUID.randomUUID();
        host.create(spec(vm), false);
        watchdog.arm();
        petter.scheduleAtFixedRate(() -> watchdog.pet(TIMEOUT), 0, 100, TimeUnit.MILLISECONDS);
        await().during(Duration.ofMillis(3 * TIMEOUT.toMillis())).atMost(Duration.ofSeconds(10)).until(daemon::isAlive);
        assertThat(Files.exists(marker())).isFalse();

        petter.shutdownNow();
        long frozen = System.nanoTime();
        signal("STOP", daemon.pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> !daemon.isAlive());
        long firedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen);
        System.out.printf("simulated watchdog (timeout %d ms) killed the frozen process after %d ms%n",
                TIMEOUT.toMillis(), firedMillis);
        assertThat(daemon.exitValue()).isEqualTo(128 + 9);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(marker()));

        assertThat(SimulatedHost.persistent(SimulatorSettings.host(8, 16384), "test", hostFile).list()).isEmpty();
        assertThat(Files.exists(marker())).isFalse();
    }

    /** The magic close: after {@code V} the child exits and the daemon lives on unpetted. */
    @Test
    void disarmingStopsTheChildAndSparesTheDaemon() {
        watchdog.arm();
        ProcessHandle child = watchdog.process().orElseThrow();
        watchdog.disarm();
        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
        await().during(Duration.ofMillis(3 * TIMEOUT.toMillis())).atMost(Duration.ofSeconds(10)).until(daemon::isAlive);
        assertThat(Files.exists(marker())).isFalse();
    }

    /**
     * A daemon that stops hands the watchdog over for the rest of its lease; a new daemon (another
     * process) that arms it within that time takes over the same child, which from then on watches
     * the new process: freezing it gets it killed.
     */
    @Test
    void aRestartedDaemonTakesTheWatchdogOver() throws IOException {
        watchdog.arm();
        ProcessHandle child = watchdog.process().orElseThrow();
        watchdog.release(Duration.ofSeconds(30));
        daemon.destroyForcibly();
        Process restarted = new ProcessBuilder("sleep", "300").start();
        try {
            SimulatedWatchdog again = new SimulatedWatchdog(dir.resolve("watchdog"), "sim-host-1", marker(), TIMEOUT,
                    restarted.pid());
            again.arm();
            assertThat(again.process()).contains(child);
            again.pet(TIMEOUT);
            signal("STOP", restarted.pid());
            await().atMost(Duration.ofSeconds(10)).until(() -> !restarted.isAlive());
            assertThat(restarted.exitValue()).isEqualTo(128 + 9);
        } finally {
            restarted.destroyForcibly();
        }
    }

    private Path marker() {
        return SimulatedHost.powerOffMarker(dir.resolve("simulator").resolve("sim-host-1.json"));
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
            assertThat(exit).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static DomainSpec spec(UUID vmId) {
        return new DomainSpec(vmId, "guest", DomainType.PVH, 512L << 20, 512L << 20, 2, 2, "/boot/vmlinuz", null,
                "console=hvc0", null, Map.of(), List.of(new DiskSpec("xvda", "/var/lib/xen/guest.img", "raw", false)),
                List.of(new NicSpec("00:16:3e:00:00:01", "xenbr0")));
    }
}
