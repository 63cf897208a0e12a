package org.xenplane.daemon.driver.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.xenplane.daemon.driver.DriverOperation;

/**
 * One simulated host's hardware and timing. Memory in bytes.
 *
 * @param cpus        physical CPUs
 * @param memory      physical memory
 * @param dom0Memory  what dom0 and Xen keep for themselves (never free for guests)
 * @param latency     how long each operation takes (absent: instant)
 * @param guest       how guests answer shutdown and reboot requests, unless set per domain
 */
public record SimulatorSettings(int cpus, long memory, long dom0Memory, Map<DriverOperation, Duration> latency,
                                GuestBehaviour guest) {
    private static final long MIB = 1024L * 1024L;

    public SimulatorSettings {
        if (cpus < 1 || memory < MIB) {
            throw new IllegalArgumentException("a simulated host needs at least 1 CPU and 1 MiB of memory");
        }
        if (dom0Memory < 0 || dom0Memory >= memory) {
            throw new IllegalArgumentException("dom0's memory must be at least 0 and less than the host's");
        }
        latency = Map.copyOf(latency.isEmpty() ? new EnumMap<>(DriverOperation.class) : latency);
    }

    /** A host with no dom0 share, instant operations and obliging guests. */
    public static SimulatorSettings host(int cpus, long memoryMib) {
        return new SimulatorSettings(cpus, memoryMib * MIB, 0, Map.of(), GuestBehaviour.OBLIGING);
    }

    public SimulatorSettings withDom0Memory(long bytes) {
        return new SimulatorSettings(cpus, memory, bytes, latency, guest);
    }

    public SimulatorSettings withLatency(Map<DriverOperation, Duration> perOperation) {
        return new SimulatorSettings(cpus, memory, dom0Memory, perOperation, guest);
    }

    public SimulatorSettings withGuest(GuestBehaviour behaviour) {
        return new SimulatorSettings(cpus, memory, dom0Memory, latency, behaviour);
    }

    public Duration latencyOf(DriverOperation operation) {
        return latency.getOrDefault(operation, Duration.ZERO);
    }
}
