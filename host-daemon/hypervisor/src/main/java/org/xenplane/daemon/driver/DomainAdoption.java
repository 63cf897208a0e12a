package org.xenplane.daemon.driver;

import java.util.Optional;
import java.util.UUID;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * Taking over domains this driver did not build: on Xen, domains outlive their toolstack, so a
 * restarted daemon finds them running (or shut down while nobody watched) and adopts them.
 */
public interface DomainAdoption {

    /**
     * Watches a domain that this driver did not build, so that its listeners hear when it shuts
     * down, as for the domains it builds. Watching a domain twice is fine.
     */
    void watch(DomainInfo domain);

    /** Why a shut-down domain shut down; empty when the domain does not exist or has not shut down. */
    Optional<ShutdownReason> shutdownReason(UUID vmId);
}
