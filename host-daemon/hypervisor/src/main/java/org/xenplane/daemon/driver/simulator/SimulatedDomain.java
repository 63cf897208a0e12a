package org.xenplane.daemon.driver.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/** One simulated domain: its spec, domid, state, balloon, vCPUs and devices. Guarded by its host. */
final class SimulatedDomain {
    final DomainSpec spec;
    final int domid;
    final Instant builtAt = Instant.now();
    DomainState state;
    ShutdownReason shutdownReason;
    long memoryActual;
    int vcpusOnline;
    /** Suspended by a migration in progress: its state is on its way to another host. */
    boolean migratingOut;
    DomainState stateBeforeMigration;
    GuestBehaviour guest;
    /** The disks and NICs plugged now: the spec's, then changed by hot-plug. */
    final List<DiskSpec> disks;
    final java.util.TreeMap<Integer, NicSpec> nics = new java.util.TreeMap<>(); // by devid, as libxl numbers them

    SimulatedDomain(DomainSpec spec, int domid, boolean paused, GuestBehaviour guest) {
        this.spec = spec;
        this.disks = new ArrayList<>(spec.disks());
        for (NicSpec nic : spec.nics()) {
            nics.put(nics.size(), nic);
        }
        this.domid = domid;
        this.state = paused ? DomainState.PAUSED : DomainState.RUNNING;
        this.memoryActual = spec.memoryTarget();
        this.vcpusOnline = spec.vcpusOnline();
        this.guest = guest;
    }

    /** The memory the host gives this domain: its maximum plus its overhead (see DomainOverhead). */
    long charge() {
        return spec.memoryNeeded();
    }

    List<String> devices() {
        List<String> devices = new ArrayList<>();
        for (DiskSpec disk : disks) {
            devices.add("vbd:" + disk.vdev() + (disk.hasMedium() ? "" : ":empty"));
        }
        nics.forEach((devid, nic) -> devices.add("vif:" + devid + ":" + nic.mac()));
        devices.add("console:0");
        return devices;
    }

    DomainInfo info() {
        return new DomainInfo(spec.vmId(), domid, state, memoryActual, spec.memoryStaticMax(), vcpusOnline,
                devices(), builtAt);
    }
}
