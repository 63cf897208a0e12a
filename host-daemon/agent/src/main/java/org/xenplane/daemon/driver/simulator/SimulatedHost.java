package org.xenplane.daemon.driver.simulator;

import java.util.Map;
import org.xenplane.daemon.driver.DriverKind;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.protocol.HostFacts;

/**
 * One simulated Xen host: fixed CPUs and memory. It runs no domains yet, so all its memory is
 * free; memory and vCPU accounting arrive with the simulated VM lifecycle.
 */
public final class SimulatedHost implements HypervisorDriver {
    /** The Xen version a simulated host reports, marked so that nobody mistakes it for real Xen. */
    public static final String XEN_VERSION = "4.17.7-sim";

    private final int cpus;
    private final long memoryBytes;
    private final String xenplaneVersion;

    public SimulatedHost(int cpus, long memoryMib, String xenplaneVersion) {
        if (cpus < 1 || memoryMib < 1) {
            throw new IllegalArgumentException("a simulated host needs at least 1 CPU and 1 MiB of memory");
        }
        this.cpus = cpus;
        this.memoryBytes = memoryMib * 1024 * 1024;
        this.xenplaneVersion = xenplaneVersion;
    }

    @Override
    public HostFacts facts() {
        return new HostFacts(cpus, memoryBytes, memoryBytes,
                Map.of("xen", XEN_VERSION, "xenplane", xenplaneVersion, "driver", DriverKind.SIMULATOR.id()));
    }
}
