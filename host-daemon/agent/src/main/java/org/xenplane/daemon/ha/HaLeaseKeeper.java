package org.xenplane.daemon.ha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.state.JsonFile;

/**
 * One host's HA lease: the terms of the last acknowledged heartbeat and the monotonic time at which
 * that heartbeat was <em>sent</em>. The lease ends at that time + T, however late the
 * acknowledgement arrived. Each renewal is kept in a file (with the wall-clock end, the only clock
 * that survives a restart), so a restarted daemon resumes its old lease: a restart within T does
 * not fence, and one after the lease ended goes straight to the peers' verdict.
 *
 * <p>Also holds the verdict of the peers once the lease is ending: fenced (only an acknowledgement
 * of a heartbeat sent after the fence lifts it), or keep running for a while. A lease that ended
 * with neither verdict (a daemon frozen, or down, past its lease) is not renewed by an
 * acknowledgement until the peers have been asked: the control plane may have declared the host
 * dead meanwhile.
 */
public final class HaLeaseKeeper {
    private static final Logger LOG = Logger.getLogger(HaLeaseKeeper.class);
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final String key;
    private final JsonFile<SavedLease> file;
    private final LongSupplier nanos;
    private final LongSupplier wallMillis;
    private HaLease terms = HaLease.disabled();
    private boolean acknowledged;
    private long lastAckSentNanos;
    private boolean fenced;
    private long fencedAtNanos;
    private boolean keepRunning;
    private long keepRunningUntilNanos;

    public HaLeaseKeeper(String key, Path file, LongSupplier nanos, LongSupplier wallMillis) {
        this.key = key;
        this.file = new JsonFile<>(file, SavedLease.class);
        this.nanos = nanos;
        this.wallMillis = wallMillis;
        restore();
    }

    public String key() {
        return key;
    }

    /** The control plane acknowledged the heartbeat sent at {@code sentNanos} ({@link System#nanoTime()}) with these terms. */
    public synchronized void acknowledged(long sentNanos, HaLease lease) {
        if (acknowledged && sentNanos - lastAckSentNanos <= 0) {
            return; // an older heartbeat's late answer renews nothing
        }
        if (endedUndecided(nanos.getAsLong())) {
            LOG.debugf("%s: acknowledgement ignored: the lease ended before the peers' verdict", key);
            return;
        }
        boolean changed = !sameTerms(lease);
        acknowledged = true;
        lastAckSentNanos = sentNanos;
        terms = lease;
        if (fenced && sentNanos - fencedAtNanos > 0) {
            fenced = false;
            LOG.infof("%s: HA lease renewed by the control plane; the host is no longer fenced", key);
        }
        if (lease.enabled() || changed) {
            persist();
        }
    }

    /** The host has destroyed its domains; it stays fenced until a heartbeat sent from now on is acknowledged. */
    public synchronized void markFenced() {
        fenced = true;
        fencedAtNanos = nanos.getAsLong();
    }

    /** The peers' verdict is to keep running without a lease until {@code untilNanos} (it is asked again before). */
    public synchronized void keepRunning(long untilNanos) {
        keepRunning = true;
        keepRunningUntilNanos = untilNanos;
    }

    public synchronized LeaseView view() {
        long now = nanos.getAsLong();
        long age = acknowledged ? TimeUnit.NANOSECONDS.toMillis(now - lastAckSentNanos) : -1;
        long remaining = acknowledged ? terms.timeoutMillis() - age : Long.MIN_VALUE;
        return new LeaseView(terms, remaining, age, fenced, keepRunningHolds(now));
    }

    private boolean keepRunningHolds(long now) {
        return keepRunning && now - keepRunningUntilNanos < 0;
    }

    private boolean endedUndecided(long now) {
        return terms.enabled() && acknowledged && TimeUnit.NANOSECONDS.toMillis(now - lastAckSentNanos) >= terms.timeoutMillis()
                && !fenced && !keepRunningHolds(now);
    }

    private boolean sameTerms(HaLease lease) {
        return lease.enabled() == terms.enabled() && lease.timeoutMillis() == terms.timeoutMillis()
                && lease.peers().equals(terms.peers()) && java.util.Objects.equals(lease.peerToken(), terms.peerToken());
    }

    private void persist() {
        long ageMillis = TimeUnit.NANOSECONDS.toMillis(nanos.getAsLong() - lastAckSentNanos);
        long end = wallMillis.getAsLong() - ageMillis + terms.timeoutMillis();
        try {
            privateDirectory(file.path().getParent());
            file.write(new SavedLease(terms, end));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("%s: cannot keep the HA lease in %s (%s); a restart now would not know it", key, file.path(),
                    e.getMessage());
        }
    }

    /** The file holds the peer token: its directory is the owner's only (0700), as the state directory is. */
    private static void privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
        }
        if (!Files.getPosixFilePermissions(directory).equals(PRIVATE)) {
            Files.setPosixFilePermissions(directory, PRIVATE);
        }
    }

    private void restore() {
        Optional<SavedLease> saved;
        try {
            saved = file.read();
        } catch (RuntimeException e) {
            LOG.errorf("%s: the kept HA lease %s is unreadable (%s); HA waits for the next acknowledgement", key,
                    file.path(), e.getMessage());
            return;
        }
        saved.filter(s -> s.terms() != null && s.terms().enabled()).ifPresent(s -> {
            long sentAgoMillis = wallMillis.getAsLong() - (s.leaseEndEpochMillis() - s.terms().timeoutMillis());
            terms = s.terms();
            acknowledged = true;
            lastAckSentNanos = nanos.getAsLong() - TimeUnit.MILLISECONDS.toNanos(sentAgoMillis);
            LOG.infof("%s: HA lease restored, %d ms left", key, s.leaseEndEpochMillis() - wallMillis.getAsLong());
        });
    }
}
