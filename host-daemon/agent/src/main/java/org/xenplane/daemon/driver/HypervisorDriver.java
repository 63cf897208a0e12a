package org.xenplane.daemon.driver;

import org.xenplane.daemon.protocol.HostFacts;

/**
 * What the daemon asks of a hypervisor for one host. Small on purpose: it grows with the VM
 * work (domains, devices), and the simulator and libxl implement the same contract.
 */
public interface HypervisorDriver {

    /** The host's CPUs, memory (in bytes) and software versions, as of now. */
    HostFacts facts();
}
