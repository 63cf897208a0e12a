package org.xenplane.daemon.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeer;

/** The lease keeper on hand-driven clocks (monotonic and wall), with its real file. */
class HaLeaseKeeperTest {
    private static final HaLease TERMS = new HaLease(true, 30_000,
            List.of(new HaPeer(new UUID(0, 2), "http://127.0.0.1:1/daemon/v1/hosts/b")), "peer-secret");

    @TempDir
    Path dir;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong wall = new AtomicLong(1_800_000_000_000L);

    /** The lease runs from the heartbeat's sending: an answer 4 s late leaves T - 4 s, not T. */
    @Test
    void theLeaseRunsFromTheSendingNotFromTheAnswer() {
        HaLeaseKeeper keeper = keeper();
        long sent = nanos.get();
        advance(4_000);
        keeper.acknowledged(sent, TERMS);
        LeaseView view = keeper.view();
        assertThat(view.remainingMillis()).isEqualTo(26_000);
        assertThat(view.lastAckAgeMillis()).isEqualTo(4_000);
        assertThat(view.valid()).isTrue();
        assertThat(view.needsVerdict()).isFalse();
        advance(20_000); // 6 s left: more than the lead time, min(T/3, 5 s)
        assertThat(keeper.view().needsVerdict()).isFalse();
        advance(1_000);
        assertThat(keeper.view().needsVerdict()).isTrue();
    }

    /** A late answer to an older heartbeat does not move the lease back or forward. */
    @Test
    void anOlderHeartbeatsAnswerRenewsNothing() {
        HaLeaseKeeper keeper = keeper();
        long first = nanos.get();
        advance(1_000);
        long second = nanos.get();
        keeper.acknowledged(second, TERMS);
        keeper.acknowledged(first, TERMS);
        assertThat(keeper.view().lastAckAgeMillis()).isZero();
    }

    /** A daemon restarted 10 s into its lease (new monotonic origin) resumes it with 20 s left. */
    @Test
    void aRestartedKeeperResumesTheLeaseFromItsFile() {
        keeper().acknowledged(nanos.get(), TERMS);
        advance(10_000);
        nanos.set(-5_000_000_000L); // another JVM: another origin of nanoTime
        LeaseView resumed = keeper().view();
        assertThat(resumed.enabled()).isTrue();
        assertThat(resumed.terms().peerToken()).isEqualTo("peer-secret");
        assertThat(resumed.remainingMillis()).isEqualTo(20_000);
        assertThat(resumed.fenced()).isFalse();
    }

    /** The kept lease holds the peer token: its directory is created 0700. */
    @Test
    void theLeaseIsKeptInADirectoryOnlyItsOwnerCanEnter() throws Exception {
        Path file = dir.resolve("ha").resolve("a.json");
        new HaLeaseKeeper("a", file, nanos::get, wall::get).acknowledged(nanos.get(), TERMS);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("peer-secret");
    }

    /** A daemon restarted after its lease ended knows at once that the lease is over. */
    @Test
    void aLeaseThatEndedWhileTheDaemonWasDownIsOverAtStart() {
        keeper().acknowledged(nanos.get(), TERMS);
        advance(45_000);
        LeaseView resumed = keeper().view();
        assertThat(resumed.valid()).isFalse();
        assertThat(resumed.needsVerdict()).isTrue();
    }

    /** Without HA (a 204 from an older control plane) nothing needs a verdict; the file says disabled. */
    @Test
    void haDisabledNeverNeedsAVerdict() throws Exception {
        HaLeaseKeeper keeper = keeper();
        keeper.acknowledged(nanos.get(), TERMS);
        keeper.acknowledged(nanos.get() + 1, HaLease.disabled());
        advance(60_000);
        assertThat(keeper.view().needsVerdict()).isFalse();
        assertThat(keeper().view().enabled()).isFalse();
        assertThat(Files.readString(dir.resolve("a.json"))).contains("\"enabled\":false");
    }

    /** Fenced holds until a heartbeat sent after the fence is acknowledged. */
    @Test
    void onlyAHeartbeatSentAfterTheFenceLiftsIt() {
        HaLeaseKeeper keeper = keeper();
        long before = nanos.get();
        advance(1);
        keeper.markFenced();
        keeper.acknowledged(before, TERMS);
        assertThat(keeper.view().fenced()).isTrue();
        advance(1);
        keeper.acknowledged(nanos.get(), TERMS);
        assertThat(keeper.view().fenced()).isFalse();
    }

    /**
     * A lease that ended with no verdict (a frozen or stopped daemon) is not renewed by the next
     * acknowledgement: the peers must be asked first; once they said keep running, it is.
     */
    @Test
    void aLeaseThatEndedUndecidedWaitsForThePeersBeforeRenewal() {
        HaLeaseKeeper keeper = keeper();
        keeper.acknowledged(nanos.get(), TERMS);
        advance(31_000);
        keeper.acknowledged(nanos.get(), TERMS);
        assertThat(keeper.view().valid()).isFalse();
        keeper.keepRunning(nanos.get() + TimeUnit.SECONDS.toNanos(5));
        assertThat(keeper.view().safe()).isTrue();
        keeper.acknowledged(nanos.get(), TERMS);
        assertThat(keeper.view().valid()).isTrue();
        assertThat(keeper.view().remainingMillis()).isEqualTo(30_000);
    }

    /** A keep-running verdict lapses unless renewed: then the host is no longer safe (the watchdog stops being petted). */
    @Test
    void aKeepRunningVerdictLapses() {
        HaLeaseKeeper keeper = keeper();
        keeper.acknowledged(nanos.get(), TERMS);
        advance(31_000);
        keeper.keepRunning(nanos.get() + TimeUnit.SECONDS.toNanos(5));
        assertThat(keeper.view().keepRunning()).isTrue();
        advance(5_000);
        assertThat(keeper.view().keepRunning()).isFalse();
        assertThat(keeper.view().safe()).isFalse();
    }

    private HaLeaseKeeper keeper() {
        return new HaLeaseKeeper("a", dir.resolve("a.json"), nanos::get, wall::get);
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        wall.addAndGet(millis);
    }
}
