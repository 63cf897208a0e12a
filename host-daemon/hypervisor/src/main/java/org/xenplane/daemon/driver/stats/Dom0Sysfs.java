package org.xenplane.daemon.driver.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counters dom0's Linux keeps for Xen's devices: the load average, physical interfaces, and the
 * netback interfaces ({@code vif<domid>.<n>}) of guests. Rooted at a directory so that tests read
 * a fake tree; on a host the root is {@code /}.
 */
public final class Dom0Sysfs {
    private final Path root;

    public Dom0Sysfs(Path root) {
        this.root = root;
    }

    /** The one-minute load average, or NaN when unreadable. */
    public double loadAverage() {
        try {
            String line = Files.readString(root.resolve("proc/loadavg"), StandardCharsets.US_ASCII).trim();
            return Double.parseDouble(line.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Interfaces backed by a device (not bridges, vifs or loopback), by name. */
    public Map<String, NetCounters> physicalInterfaces() {
        Map<String, NetCounters> pifs = new TreeMap<>();
        Path net = root.resolve("sys/class/net");
        if (!Files.isDirectory(net)) {
            return pifs;
        }
        try (Stream<Path> devices = Files.list(net)) {
            devices.filter(d -> Files.exists(d.resolve("device")))
                    .forEach(d -> pifs.put(d.getFileName().toString(), counters(d, false)));
        } catch (IOException e) {
            return pifs;
        }
        return pifs;
    }

    /**
     * A guest's interfaces in device order, as the guest sees them: what netback receives is what the
     * guest transmitted, so receive and transmit are swapped.
     */
    public List<NetCounters> guestInterfaces(int domid) {
        List<NetCounters> vifs = new ArrayList<>();
        for (int n = 0; ; n++) {
            Path dev = root.resolve("sys/class/net/vif" + domid + "." + n);
            if (!Files.isDirectory(dev)) {
                return vifs;
            }
            vifs.add(counters(dev, true));
        }
    }

    private static NetCounters counters(Path dev, boolean guestView) {
        long rx = read(dev.resolve("statistics/rx_bytes"));
        long tx = read(dev.resolve("statistics/tx_bytes"));
        return guestView ? new NetCounters(tx, rx) : new NetCounters(rx, tx);
    }

    private static long read(Path file) {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
