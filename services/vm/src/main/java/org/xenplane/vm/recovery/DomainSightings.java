package org.xenplane.vm.recovery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskRecovery;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.vm.service.ClaimedTasks;

/** Asks a host's daemon whether the VM's domain is there. */
@ApplicationScoped
class DomainSightings {
    private final Hosts hosts;
    private final ClaimedTasks support;

    DomainSightings(Hosts hosts, ClaimedTasks support) {
        this.hosts = hosts;
        this.support = support;
    }

    /**
     * The VM's domain on the host, as its daemon lists it. A host no longer in the pool is absent;
     * a host that is not live is unknown; a live host whose daemon does not answer cannot be
     * decided now ({@link TaskRecovery.NotYet}).
     */
    Sighting on(UUID hostId, UUID vmId) {
        HostRef host = QuarkusTransaction.requiringNew().call(() -> hosts.find(hostId)).orElse(null);
        if (host == null) {
            return Sighting.absent(hostId);
        }
        try {
            for (DomainInfo domain : support.daemon(host).domains().domains()) {
                if (domain.vmId().equals(vmId)) {
                    return Sighting.present(hostId, domain);
                }
            }
            return Sighting.absent(hostId);
        } catch (XenplaneException e) {
            if (!host.live()) {
                return Sighting.unknown(hostId);
            }
            throw new TaskRecovery.NotYet("host " + host.name() + " is live but its daemon did not list its domains: "
                    + e.getMessage());
        }
    }
}
