package org.xenplane.core.daemon;

import jakarta.enterprise.context.ApplicationScoped;

/** The typed client of the daemons' domain API, over the one {@link DaemonTransport}. */
@ApplicationScoped
public class DomainDaemonClient {
    private final DaemonTransport transport;

    public DomainDaemonClient(DaemonTransport transport) {
        this.transport = transport;
    }

    /** The domains of {@code host}'s daemon. */
    public DaemonHost host(HostRef host) {
        return new DaemonHost(transport, host);
    }
}
