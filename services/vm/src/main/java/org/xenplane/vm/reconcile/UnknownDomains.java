package org.xenplane.vm.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.DomainDaemonClient;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.vm.service.VmConfig;

/**
 * Domains that belong to no VM: left alone (the default: they were reported as a message), or
 * destroyed when {@code xenplane.vm.reconcile.destroy-unknown-domains=true}.
 */
@ApplicationScoped
public class UnknownDomains {
    private static final Logger LOG = Logger.getLogger(UnknownDomains.class);

    private final boolean destroy;
    private final Hosts hosts;
    private final DomainDaemonClient daemons;

    public UnknownDomains(VmConfig config, Hosts hosts, DomainDaemonClient daemons) {
        this.destroy = config.reconcile().destroyUnknownDomains();
        this.hosts = hosts;
        this.daemons = daemons;
    }

    public void handle(UUID hostId, List<UUID> domains) {
        if (!destroy) {
            return;
        }
        HostRef host = hosts.require(hostId);
        for (UUID domain : domains) {
            try {
                daemons.host(host).destroy("reconcile/" + domain, domain);
                LOG.infof("Destroyed domain %s on host %s: it belongs to no VM", domain, host.name());
            } catch (XenplaneException e) {
                LOG.warnf("Could not destroy unknown domain %s on host %s: %s", domain, host.name(), e.getMessage());
            }
        }
    }
}
