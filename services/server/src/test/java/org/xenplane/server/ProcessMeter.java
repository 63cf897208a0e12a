package org.xenplane.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process and its descendants (the server's embedded PostgreSQL runs
 * as its children), from Linux's /proc. CPU time in seconds, memory in bytes.
 */
final class ProcessMeter {
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux
    private final ProcessHandle process;
    private final String dataDir;

    /**
     * @param dataDir the server's data directory: its PostgreSQL detaches from it (pg_ctl), so
     *                the postmaster is found by the data directory on its command line
     */
    ProcessMeter(ProcessHandle process, String dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /** CPU seconds (user + system) used so far by the process itself. */
    double ownCpuSeconds() {
        return cpuSeconds(process.pid());
    }

    /** CPU seconds used so far by its descendants (for the server: PostgreSQL). */
    double descendantsCpuSeconds() {
        return descendants().mapToDouble(ProcessMeter::cpuSeconds).sum();
    }

    long ownRss() {
        return status(process.pid(), "VmRSS:");
    }

    long ownPeakRss() {
        return status(process.pid(), "VmHWM:");
    }

    /** The descendants' resident memory, summed (shared buffers counted once per process that touched them). */
    long descendantsRss() {
        return descendants().mapToLong(pid -> status(pid, "VmRSS:")).sum();
    }

    private Stream<Long> descendants() {
        List<ProcessHandle> roots = new java.util.ArrayList<>(process.descendants().toList());
        if (dataDir != null) {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                    .filter(p -> p.pid() != process.pid()).forEach(p -> {
                        roots.add(p);
                        roots.addAll(p.descendants().toList());
                    });
        }
        return roots.stream().map(ProcessHandle::pid).distinct();
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
