package org.xenplane.daemon.driver.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    final Instant builtAt;
    DomainState state;
    ShutdownReason shutdownReason;
    long memoryActual;
    int vcpusOnline;
    /** Suspended by a migration in progress: its state is on its way to another host. */
    boolean migratingOut;
    DomainState stateBeforeMigration;
    GuestBehaviour guest;
    /** Disks by vdev, and NICs by devid (numbered from 0, as libxl does), as plugged now. */
    final Map<String, DiskSpec> disks = new LinkedHashMap<>();
    final Map<Integer, NicSpec> nics = new LinkedHashMap<>();

    SimulatedDomain(DomainSpec spec, int domid, boolean paused, GuestBehaviour guest) {
        this(spec, domid, Instant.now(), guest);
        this.state = paused ? DomainState.PAUSED : DomainState.RUNNING;
        this.memoryActual = spec.memoryTarget();
        this.vcpusOnline = spec.vcpusOnline();
        spec.disks().forEach(d -> disks.put(d.vdev(), d));
        spec.nics().forEach(n -> nics.put(nics.size(), n));
    }

    private SimulatedDomain(DomainSpec spec, int domid, Instant builtAt, GuestBehaviour guest) {
        this.spec = spec;
        this.domid = domid;
        this.builtAt = builtAt;
        this.guest = guest;
    }

    /** The domain as it was saved. */
    static SimulatedDomain of(SavedHost.Domain saved) {
        SimulatedDomain d = new SimulatedDomain(saved.spec(), saved.domid(), saved.builtAt(), saved.guest());
        d.state = saved.state();
        d.shutdownReason = saved.shutdownReason();
        d.memoryActual = saved.memoryActual();
        d.vcpusOnline = saved.vcpusOnline();
        d.migratingOut = saved.migratingOut();
        d.stateBeforeMigration = saved.stateBeforeMigration();
        d.disks.putAll(saved.disks());
        d.nics.putAll(saved.nics());
        return d;
    }

    SavedHost.Domain saved() {
        return new SavedHost.Domain(spec, domid, builtAt, state, shutdownReason, memoryActual, vcpusOnline, migratingOut,
                stateBeforeMigration, guest, new LinkedHashMap<>(disks), new LinkedHashMap<>(nics));
    }

    /** The devid the next NIC gets: one above the highest in use, as libxl picks it. */
    int nextNicDevid() {
        return nics.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    /** The memory the host gives this domain: its maximum plus its overhead (see DomainOverhead). */
    long charge() {
        return spec.memoryNeeded();
    }

    List<String> devices() {
        List<String> devices = new ArrayList<>();
        disks.keySet().forEach(vdev -> devices.add("vbd:" + vdev));
        nics.forEach((devid, nic) -> devices.add("vif:" + devid + ":" + nic.mac()));
        devices.add("console:0");
        return devices;
    }

    DomainInfo info() {
        return new DomainInfo(spec.vmId(), domid, state, memoryActual, spec.memoryStaticMax(), vcpusOnline,
                devices(), builtAt);
    }
}
