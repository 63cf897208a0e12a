package org.xenplane.daemon.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.daemon.network.linux.IpRoute;
import org.xenplane.daemon.network.linux.KernelLink;

/**
 * A network namespace a test creates (and deletes, with everything in it): the only place the
 * real drivers' tests touch. Addresses used inside are from RFC 5737's documentation ranges.
 */
final class Netns implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Shell ROOT = new Shell("test", null, TIMEOUT);
    private static final Map<String, Boolean> KERNEL_FEATURES = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The management network of a test host: the peer (its gateway) and the host's own address. */
    static final String PEER = "198.51.100.1";
    static final String HOST_ADDRESS = "198.51.100.2";

    final String name;
    final Shell shell;

    private Netns(String name) {
        this.name = name;
        this.shell = new Shell(name, name, TIMEOUT);
    }

    /** Why namespaces cannot be used here, or null when they can. */
    static String unavailableBecause() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the real network drivers' tests need root (ip netns); running as " + System.getProperty("user.name");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
            return "iproute2 (ip) is not installed";
        }
        return null;
    }

    static Netns create(String purpose) {
        String name = "xpt" + purpose + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(3));
        ROOT.check("ip", "netns", "add", name);
        Netns ns = new Netns(name);
        ns.sh("ip", "link", "set", "lo", "up");
        return ns;
    }

    /** A veth pair: {@code aName} in {@code a}, {@code bName} in {@code b}, both up. */
    static void veth(Netns a, String aName, Netns b, String bName) {
        ROOT.check("ip", "link", "add", aName, "netns", a.name, "type", "veth", "peer", "name", bName, "netns", b.name);
        a.sh("ip", "link", "set", aName, "up");
        b.sh("ip", "link", "set", bName, "up");
    }

    /** Gives {@code nic} in {@code host} the host's address and default route via {@code peer} in {@code wire}. */
    static void managementLink(Netns host, String nic, Netns wire, String peer) {
        wire.sh("ip", "addr", "add", PEER + "/24", "dev", peer);
        host.sh("ip", "addr", "add", HOST_ADDRESS + "/24", "dev", nic);
        host.sh("ip", "route", "add", "default", "via", PEER, "dev", nic);
    }

    String sh(String... command) {
        return shell.check(command);
    }

    Shell.Result run(String... command) {
        return shell.run(command);
    }

    IpRoute ip(com.fasterxml.jackson.databind.ObjectMapper json) {
        return new IpRoute(shell, json, Path.of("/tmp", "xpt-run"));
    }

    /** A "VM": this namespace's eth0 with an address, its backend {@code backend} in the host's namespace. */
    static Netns vm(String purpose, Netns host, String backend, String address) {
        Netns vm = create(purpose);
        veth(host, backend, vm, "eth0");
        vm.sh("ip", "addr", "add", address + "/24", "dev", "eth0");
        return vm;
    }

    boolean ping(String address) {
        return run("ping", "-c", "1", "-W", "1", address).ok();
    }

    /** Pings up to 5 times (a fresh bridge or a bond may need a moment before it forwards). */
    boolean reaches(String address) {
        for (int i = 0; i < 5; i++) {
            if (ping(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this kernel can make a device of this type (vlan, bond), tried in a throw-away namespace. */
    static boolean kernelSupports(String type) {
        return KERNEL_FEATURES.computeIfAbsent(type, t -> {
            try (Netns probe = create("probe")) {
                probe.sh("ip", "link", "add", "p0", "type", "veth", "peer", "name", "p1");
                String[] command = t.equals("vlan")
                        ? new String[] {"ip", "link", "add", "link", "p0", "name", "p0.5", "type", "vlan", "id", "5"}
                        : new String[] {"ip", "link", "add", "name", "probe0", "type", t};
                return probe.run(command).ok();
            }
        });
    }

    Map<String, KernelLink> links(com.fasterxml.jackson.databind.ObjectMapper json) {
        return ip(json).links();
    }

    List<String> linkNames(com.fasterxml.jackson.databind.ObjectMapper json) {
        return links(json).keySet().stream().sorted().toList();
    }

    @Override
    public void close() {
        ROOT.run("ip", "netns", "del", name);
    }
}
