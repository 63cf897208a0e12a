package org.xenplane.daemon.driver;

import java.util.UUID;
import org.xenplane.daemon.protocol.ShutdownReason;

/** Told when a domain shuts down by itself or on request: the guest powered off, rebooted or crashed. */
@FunctionalInterface
public interface DomainListener {

    /** The domain is shut down (not yet destroyed) for {@code reason}; called on a driver thread. */
    void domainShutdown(UUID vmId, int domid, ShutdownReason reason);
}
