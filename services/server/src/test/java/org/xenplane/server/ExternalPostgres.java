package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away cluster of Debian's PostgreSQL 15 on a free loopback port, as an operator's external
 * database: password (scram) authentication, user {@code postgres}, password {@code postgres}. A
 * test stops and starts it to make an outage. As root, its commands run as the user postgres
 * (PostgreSQL refuses to run as root).
 */
final class ExternalPostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String PASSWORD = "postgres";

    private final Path dir;
    private final int port;
    private boolean running;

    private ExternalPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Skips the calling test class (saying why on the console) when the cluster cannot be made here. */
    static void assumeInstalled(String test) {
        String why = unavailableBecause();
        if (why != null) {
            System.out.println(test + " SKIPPED: " + why);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null, why);
    }

    /** Why the cluster cannot be made here, or null when it can. */
    static String unavailableBecause() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            return BIN + "/initdb is missing: install Debian's postgresql-15 (.ci/install-packages does)";
        }
        return null;
    }

    /** Makes a new cluster and starts it. */
    static ExternalPostgres start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "xenplane-pg15-");
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD);
        giveToPostgres(dir, passwordFile);
        ExternalPostgres cluster = new ExternalPostgres(dir, FreePorts.next());
        cluster.run(BIN.resolve("initdb").toString(), "-D", cluster.data(), "-U", "postgres", "-E", "UTF8",
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync");
        cluster.startAgain();
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A fast shutdown, as {@code pg_ctlcluster 15 main stop} does: connections are cut. */
    void stop() throws Exception {
        run(pgCtl(), "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
        running = false;
    }

    void startAgain() throws Exception {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir;
        run(pgCtl(), "-D", data(), "-l", dir.resolve("postgres.log").toString(), "-o", options, "-w", "-t", "60", "start");
        running = true;
    }

    @Override
    public void close() throws Exception {
        try {
            if (running) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private static String pgCtl() {
        return BIN.resolve("pg_ctl").toString();
    }

    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output + serverLog());
        }
    }

    private String serverLog() {
        try {
            Path log = dir.resolve("postgres.log");
            return Files.exists(log) ? "\npostgres.log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void giveToPostgres(Path... paths) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal postgres = paths[0].getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        for (Path path : paths) {
            Files.setOwner(path, postgres);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
