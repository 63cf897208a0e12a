package org.xenplane.daemon.ha.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The simulated host's watchdog: a child process ({@code simulated-watchdog.sh}, in its own session)
 * that watches a pet file, so that it fires even when the daemon is frozen. On expiry it SIGKILLs
 * the daemon process and leaves the power-off marker: the simulated host comes back empty when a
 * daemon opens it again. A daemon restarted while the child still runs takes it over.
 */
public final class SimulatedWatchdog implements Watchdog {
    private static final String SCRIPT = "simulated-watchdog.sh";

    private final Path petFile;
    private final Path childPidFile;
    private final Path powerOffMarker;
    private final Duration timeout;
    private final long daemonPid;
    private long sequence;
    private Process child;

    /**
     * @param dir            where the pet and pid files live ({@code <state-dir>/watchdog})
     * @param key            the host's local key
     * @param powerOffMarker the file the simulated host reads at start to come back powered off
     */
    public SimulatedWatchdog(Path dir, String key, Path powerOffMarker, Duration timeout) {
        this(dir, key, powerOffMarker, timeout, ProcessHandle.current().pid());
    }

    /** A watchdog for another process than this one (its tests). */
    public SimulatedWatchdog(Path dir, String key, Path powerOffMarker, Duration timeout, long daemonPid) {
        this.petFile = dir.resolve(key + ".pet");
        this.childPidFile = dir.resolve(key + ".pid");
        this.powerOffMarker = powerOffMarker;
        this.timeout = timeout;
        this.daemonPid = daemonPid;
    }

    @Override
    public synchronized void arm() {
        if (running()) {
            return;
        }
        try {
            Files.createDirectories(petFile.getParent());
            Files.createDirectories(powerOffMarker.getParent());
            write(line(timeout));
            Path script = petFile.resolveSibling(SCRIPT);
            try (InputStream in = SimulatedWatchdog.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            child = new ProcessBuilder("setsid", "bash", script.toString(), petFile.toString(),
                    powerOffMarker.toString(), Long.toString(daemonPid), Long.toString(timeout.toMillis()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Files.writeString(childPidFile, Long.toString(child.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated watchdog for " + petFile, e);
        }
    }

    @Override
    public synchronized void pet(Duration fireAfter) {
        write(line(fireAfter));
    }

    @Override
    public synchronized void disarm() {
        if (running()) {
            write("V");
        }
        child = null;
    }

    @Override
    public synchronized void release(Duration fireAfter) {
        write(line(fireAfter));
    }

    /** The child process watching this host's pet file, if one runs (started by this daemon or an earlier one). */
    public synchronized Optional<ProcessHandle> process() {
        if (child != null && child.isAlive()) {
            return Optional.of(child.toHandle());
        }
        try {
            long pid = Long.parseLong(Files.readString(childPidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(petFile.toString()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean running() {
        return process().isPresent();
    }

    private String line(Duration fireAfter) {
        return daemonPid + " " + (++sequence) + "-" + System.nanoTime() + " " + Math.max(0, fireAfter.toMillis());
    }

    private void write(String line) {
        try {
            Path temporary = petFile.resolveSibling(petFile.getFileName() + ".tmp");
            Files.writeString(temporary, line + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, petFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pet the simulated watchdog " + petFile, e);
        }
    }
}
