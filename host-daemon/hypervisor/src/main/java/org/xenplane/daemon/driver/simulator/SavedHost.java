package org.xenplane.daemon.driver.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * What a simulated host's hypervisor holds, as it is kept on disk: its domains outlive the daemon
 * (the toolstack), as Xen's do, and end only when the simulated host is powered off.
 *
 * @param lastDomid the domid given last (domids are not reused until they wrap)
 * @param domains   every domain, running, paused or shut down
 */
record SavedHost(int lastDomid, List<Domain> domains) {

    SavedHost {
        domains = List.copyOf(domains == null ? List.of() : domains);
    }

    /** One domain, everything a simulated domain is made of. */
    record Domain(DomainSpec spec, int domid, Instant builtAt, DomainState state, ShutdownReason shutdownReason,
                  long memoryActual, int vcpusOnline, boolean migratingOut, DomainState stateBeforeMigration,
                  GuestBehaviour guest, Map<String, DiskSpec> disks, Map<Integer, NicSpec> nics) {
    }
}
