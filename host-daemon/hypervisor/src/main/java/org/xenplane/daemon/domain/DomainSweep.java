package org.xenplane.daemon.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainState;

/** Adopting the domains that outlived the last daemon, and the level-triggered sweep over them. */
final class DomainSweep {
    private static final Logger LOG = Logger.getLogger(DomainSweep.class);

    private final HostDomains host;
    private final GuestRequests guests;

    DomainSweep(HostDomains host, GuestRequests guests) {
        this.host = host;
        this.guests = guests;
    }

    /** See {@link DomainManager#adopt()}. */
    List<DomainInfo> adopt() {
        List<DomainInfo> found = reconcile();
        for (DomainInfo domain : found) {
            if (host.specs.spec(domain.vmId()).isEmpty()) {
                LOG.warnf("%s: domain %d (%s) has no kept spec: if its guest reboots, it ends", host.hostKey, domain.domid(),
                        domain.vmId());
            }
        }
        LOG.infof("%s: adopted %d domain(s)", host.hostKey, found.size());
        return found;
    }

    /** See {@link DomainManager#reconcile()}. */
    List<DomainInfo> reconcile() {
        List<DomainInfo> now = host.driver.list();
        for (DomainInfo domain : now) {
            host.driver.watch(domain);
            if (domain.state() == DomainState.SHUTDOWN) {
                host.driver.shutdownReason(domain.vmId())
                        .ifPresent(reason -> guests.domainShutdown(domain.vmId(), domain.domid(), reason));
            }
        }
        Set<UUID> present = new HashSet<>();
        now.forEach(d -> present.add(d.vmId()));
        for (UUID vmId : host.specs.vmIds()) {
            if (!present.contains(vmId)) {
                host.locked(vmId, () -> {
                    if (host.driver.find(vmId).isEmpty()) {
                        host.specs.remove(vmId);
                    }
                    return null;
                });
            }
        }
        return now;
    }
}
