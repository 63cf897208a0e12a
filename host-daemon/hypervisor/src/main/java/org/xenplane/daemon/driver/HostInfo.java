package org.xenplane.daemon.driver;

import org.xenplane.daemon.protocol.HostFacts;

/** What a driver says about its host. */
public interface HostInfo {

    /** The host's CPUs, memory (in bytes) and software versions, as of now. */
    HostFacts facts();
}
