package org.xenplane.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL started by the all-in-one server when no database is configured: what a small
 * pool runs in production. Its data directory persists across restarts; it is durable (fsync,
 * synchronous commits, full-page writes: {@link EmbeddedDatabaseSettings}), takes only password
 * (scram) authentication with a generated secret ({@link PasswordAuthentication}), listens on
 * 127.0.0.1 only, and keeps its files from other users. A postmaster left running by a killed
 * server (its {@code postmaster.pid} would block the next start) is stopped first.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final EmbeddedDatabaseSecret secret;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedDatabaseSecret secret) {
        this.postgres = postgres;
        this.secret = secret;
    }

    static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Path home = dataDirectory.getParent();
        Files.createDirectories(dataDirectory);
        keepOthersOut(home);
        stopStalePostmaster(dataDirectory);
        Path binaries = home.resolve("postgres-binaries");
        EmbeddedBinaries.prepare(binaries);
        EmbeddedDatabaseSecret secret = EmbeddedDatabaseSecret.of(dataDirectory);
        EmbeddedPostgres postgres = builder(dataDirectory, binaries, secret).start();
        EmbeddedBinaries.closeToOthers(binaries);
        LOG.infof("Embedded PostgreSQL on 127.0.0.1:%d, data in %s", postgres.getPort(), dataDirectory);
        return new EmbeddedDatabase(postgres, secret);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, Path binaries, EmbeddedDatabaseSecret secret)
            throws IOException {
        PasswordAuthentication authentication = new PasswordAuthentication(binaries, secret);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPgBinaryResolver(EmbeddedBinaries.ownResolver())
                .setPort(0)
                .setConnectConfig("password", secret.password())
                .setDataDirectoryCustomizer(directory -> {
                    try {
                        authentication.enable(directory.toPath());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        EmbeddedDatabaseSettings.durableAndPrivate(dataDirectory.getParent()).forEach(builder::setServerConfig);
        return builder;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    String username() {
        return "postgres";
    }

    String password() {
        return secret.password();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Others who may write in the server's data directory could swap the database's binaries. */
    private static void keepOthersOut(Path home) {
        try {
            FileModes.removeWriteByOthers(home);
        } catch (IOException e) {
            LOG.warnf("%s is writable by other users and this user cannot change that (%s); make it writable by "
                    + "its owner only, since others could replace the database's binaries", home, e.getMessage());
        }
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
