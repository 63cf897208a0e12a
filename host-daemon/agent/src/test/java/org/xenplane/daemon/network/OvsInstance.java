package org.xenplane.daemon.network;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private Open vSwitch (ovsdb-server and ovs-vswitchd) for one test host, running inside that
 * host's namespace with its database, sockets and logs in a temporary directory: it never meets
 * the machine's own Open vSwitch, if there is one. Bridges use the userspace datapath
 * ({@code datapath_type=netdev}), so no kernel module is needed.
 */
final class OvsInstance implements AutoCloseable {
    private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();

    private OvsInstance(Path dir) {
        this.dir = dir;
    }

    /** Why Open vSwitch cannot run here, or null. */
    static String unavailableBecause() {
        for (String tool : List.of("/usr/sbin/ovsdb-server", "/usr/sbin/ovs-vswitchd", "/usr/bin/ovs-vsctl", "/usr/bin/ovsdb-tool")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return "Open vSwitch is not installed (" + tool + " is missing; apt-get install openvswitch-switch)";
            }
        }
        return Files.exists(Path.of(SCHEMA)) ? null : SCHEMA + " is missing";
    }

    static OvsInstance start(Netns ns) {
        try {
            OvsInstance ovs = new OvsInstance(Files.createTempDirectory(Path.of("/tmp"), "xpovs"));
            ovs.boot(ns);
            return ovs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot(Netns ns) throws IOException {
        Path db = dir.resolve("conf.db");
        run(List.of("ovsdb-tool", "create", db.toString(), SCHEMA)).waitForSuccess();
        spawn(ns, "ovsdb-server", db.toString(), "--remote=punix:" + dir.resolve("db.sock"),
                "--unixctl=" + dir.resolve("ovsdb.ctl"), "--log-file=" + dir.resolve("ovsdb.log"), "--no-chdir");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("db.sock")));
        run(List.of("ovs-vsctl", "--db=" + db(), "--no-wait", "init")).waitForSuccess();
        spawn(ns, "ovs-vswitchd", db(), "--unixctl=" + dir.resolve("vswitchd.ctl"),
                "--log-file=" + dir.resolve("vswitchd.log"), "--no-chdir");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                run(List.of("ovs-appctl", "-t", dir.resolve("vswitchd.ctl").toString(), "version")).exitCode() == 0);
    }

    String db() {
        return "unix:" + dir.resolve("db.sock");
    }

    String log() {
        try {
            return Files.readString(dir.resolve("vswitchd.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void spawn(Netns ns, String program, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns.name, program));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(program + ".out").toFile());
        builder.environment().put("OVS_RUNDIR", dir.toString());
        builder.environment().put("OVS_DBDIR", dir.toString());
        builder.environment().put("OVS_LOGDIR", dir.toString());
        processes.add(builder.start());
    }

    private record Run(Process process) {
        int exitCode() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void waitForSuccess() throws IOException {
            if (exitCode() != 0) {
                throw new IOException("failed: " + process.info().commandLine().orElse("?") + ": "
                        + new String(process.getInputStream().readAllBytes()));
            }
        }
    }

    private Run run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("OVS_RUNDIR", dir.toString());
            return new Run(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
