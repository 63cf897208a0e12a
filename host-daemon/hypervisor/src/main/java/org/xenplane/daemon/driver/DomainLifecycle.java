package org.xenplane.daemon.driver;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;

/** Creating, finding and destroying domains. A domain is named by its VM's uuid. */
public interface DomainLifecycle {

    /**
     * Creates and builds a domain with its devices, running or paused.
     *
     * @throws HypervisorException {@code ERROR_NOMEM} when the host's free memory is short,
     *     {@code ERROR_INVAL} for an unusable spec or when a domain with this uuid exists; a failed
     *     create leaves no domain behind
     */
    DomainInfo create(DomainSpec spec, boolean paused);

    /** Destroys the domain at once (hard shutdown). Destroying a domain that does not exist does nothing. */
    void destroy(UUID vmId);

    Optional<DomainInfo> find(UUID vmId);

    /** Every domain except dom0. */
    List<DomainInfo> list();
}
