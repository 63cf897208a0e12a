package org.xenplane.daemon.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A DHCP server (busybox udhcpd) on one interface of a test namespace, leasing 192.0.2.100-110
 * with the interface's own address as the router.
 */
final class DhcpServer implements AutoCloseable {
    private final Process process;
    private final Path dir;

    private DhcpServer(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    static String unavailableBecause() {
        return Files.isExecutable(Path.of("/bin/busybox")) || Files.isExecutable(Path.of("/usr/bin/busybox")) ? null
                : "busybox (udhcpc, udhcpd) is not installed: apt-get install busybox";
    }

    static DhcpServer start(Netns ns, String iface) {
        try {
            ns.sh("ip", "addr", "add", "192.0.2.1/24", "dev", iface);
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "xpdhcp");
            Files.createFile(dir.resolve("leases"));
            Path conf = dir.resolve("udhcpd.conf");
            Files.writeString(conf, "start 192.0.2.100\nend 192.0.2.110\ninterface " + iface + "\nlease_file "
                    + dir.resolve("leases") + "\npidfile " + dir.resolve("udhcpd.pid")
                    + "\nopt subnet 255.255.255.0\nopt router 192.0.2.1\n");
            Process process = new ProcessBuilder("ip", "netns", "exec", ns.name, "busybox", "udhcpd", "-f", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("udhcpd.log").toFile()).start();
            return new DhcpServer(process, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
