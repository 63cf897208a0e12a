package org.xenplane.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL started by the all-in-one server when no database is configured. Its data
 * directory persists across restarts. A postmaster left running by a killed server (its
 * {@code postmaster.pid} would block the next start) is stopped first.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        stopStalePostmaster(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("postgres-binaries").toFile())
                .setPort(0)
                .start();
        LOG.infof("Embedded PostgreSQL on 127.0.0.1:%d, data in %s", postgres.getPort(), dataDirectory);
        return new EmbeddedDatabase(postgres);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void stopStalePostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (stale.isPresent()) {
            LOG.warnf("A PostgreSQL (pid %d) from an earlier run still holds %s; stopping it", stale.get().pid(), dataDirectory);
            stale.get().destroy(); // SIGTERM: a clean, fast shutdown of an orphaned postmaster
            try {
                stale.get().onExit().get(STALE_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                stale.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
