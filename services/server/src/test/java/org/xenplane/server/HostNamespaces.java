package org.xenplane.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Network namespaces and private Open vSwitch instances a scenario test creates for simulated
 * hosts and "VMs", and removes (processes it started, namespaces it made) when closed. Only
 * namespaces it creates are touched; addresses inside are from RFC 5737.
 */
final class HostNamespaces implements AutoCloseable {
    private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    /** Why this cannot run here, or null. */
    static String unavailableBecause() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root for ip netns (running as " + System.getProperty("user.name") + ")";
        }
        for (String tool : List.of("/usr/sbin/ovsdb-server", "/usr/sbin/ovs-vswitchd", "/usr/bin/ovs-vsctl", "/usr/bin/ping")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " is missing (apt-get install openvswitch-switch iputils-ping)";
            }
        }
        return null;
    }

    String namespace(String name) throws Exception {
        run("ip", "netns", "add", name);
        namespaces.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    void veth(String nsA, String a, String nsB, String b) throws Exception {
        run("ip", "link", "add", a, "netns", nsA, "type", "veth", "peer", "name", b, "netns", nsB);
        run("ip", "-n", nsA, "link", "set", a, "up");
        run("ip", "-n", nsB, "link", "set", b, "up");
    }

    /** A "VM": a namespace whose eth0 has the address, its other end {@code backend} in the host's namespace. */
    String vm(String name, String hostNs, String backend, String address) throws Exception {
        namespace(name);
        veth(hostNs, backend, name, "eth0");
        run("ip", "-n", name, "addr", "add", address + "/24", "dev", "eth0");
        return name;
    }

    boolean reaches(String ns, String address) throws Exception {
        for (int i = 0; i < 5; i++) {
            if (exit("ip", "netns", "exec", ns, "ping", "-c", "1", "-W", "1", address) == 0) {
                return true;
            }
        }
        return false;
    }

    boolean pingOnce(String ns, String address) throws Exception {
        return exit("ip", "netns", "exec", ns, "ping", "-c", "1", "-W", "1", address) == 0;
    }

    /** Starts ovsdb-server and ovs-vswitchd in the namespace; returns the database socket's path. */
    Path openVswitch(String ns, Path dir) throws Exception {
        Files.createDirectories(dir);
        directories.add(dir);
        run("ovsdb-tool", "create", dir.resolve("conf.db").toString(), SCHEMA);
        spawn(dir, "ip", "netns", "exec", ns, "ovsdb-server", dir.resolve("conf.db").toString(),
                "--remote=punix:" + dir.resolve("db.sock"), "--unixctl=" + dir.resolve("ovsdb.ctl"), "--no-chdir");
        waitFor(() -> Files.exists(dir.resolve("db.sock")));
        run("ovs-vsctl", "--db=unix:" + dir.resolve("db.sock"), "--no-wait", "init");
        spawn(dir, "ip", "netns", "exec", ns, "ovs-vswitchd", "unix:" + dir.resolve("db.sock"),
                "--unixctl=" + dir.resolve("vswitchd.ctl"), "--no-chdir");
        waitFor(() -> exit("ovs-appctl", "-t", dir.resolve("vswitchd.ctl").toString(), "version") == 0);
        return dir.resolve("db.sock");
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check) {
        org.awaitility.Awaitility.await("Open vSwitch to start").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(50)).until(check::ok);
    }

    private void spawn(Path dir, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[4] + ".log").toFile());
        builder.environment().put("OVS_RUNDIR", dir.toString());
        builder.environment().put("OVS_LOGDIR", dir.toString());
        processes.add(builder.start());
    }

    static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }

    private static int exit(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    @Override
    public void close() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        for (String ns : namespaces) {
            exit("ip", "netns", "del", ns);
        }
        for (Path dir : directories) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
