package org.xenplane.daemon.driver.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DomainListener;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.stats.StatisticsReading;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.HostFacts;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;
import org.xenplane.daemon.state.JsonFile;

/**
 * One simulated Xen host: what the control plane can observe of Xen, modelled faithfully. Domids
 * count up from 1 (dom0 is 0) and are not reused until they wrap; a domain is running, paused or
 * shut down; every domain is charged its maximum memory plus its overhead, and a create that does
 * not fit fails with {@code ERROR_NOMEM}; suspend images are files; guests answer shutdown and
 * reboot requests as their {@link GuestBehaviour} says, and can shut down, reboot or crash by
 * themselves. Each operation takes its configured latency, may fail as a test arranged
 * ({@link #failures()}), and is recorded ({@link #calls()}). Failures are libxl's error codes.
 * A host made {@link #persistent} keeps its domains in a file, as Xen keeps them in memory: they
 * outlive the daemon (the toolstack) and its restarts, and end only when the host is
 * {@linkplain #powerOff() powered off}.
 */
public final class SimulatedHost implements HypervisorDriver {
    /** The Xen version a simulated host reports, marked so that nobody mistakes it for real Xen. */
    public static final String XEN_VERSION = "4.17.7-sim";
    private static final Logger LOG = Logger.getLogger(SimulatedHost.class);
    static final int MAX_DOMID = 0x7FEF;

    private final SimulatorSettings settings;
    private final String xenplaneVersion;
    private final Map<UUID, SimulatedDomain> domains = new LinkedHashMap<>();
    private final Map<UUID, GuestBehaviour> guestOverrides = new LinkedHashMap<>();
    private final List<DomainListener> listeners = new CopyOnWriteArrayList<>();
    private final FailureInjector failures = new FailureInjector();
    private final CallLog calls = new CallLog();
    private int lastDomid;
    private SimulatedLoad load = new SimulatedLoad(0, System::nanoTime);
    /** Where the domains are kept; null for a host whose domains end with this object. */
    private final JsonFile<SavedHost> file;
    private boolean closed;

    /** A host whose domains live as long as this object (tests, the control plane's simulated pools). */
    public SimulatedHost(SimulatorSettings settings, String xenplaneVersion) {
        this(settings, xenplaneVersion, null);
    }

    private SimulatedHost(SimulatorSettings settings, String xenplaneVersion, JsonFile<SavedHost> file) {
        this.settings = settings;
        this.xenplaneVersion = xenplaneVersion;
        this.file = file;
        if (file != null) {
            file.read().ifPresent(saved -> {
                lastDomid = saved.lastDomid();
                saved.domains().forEach(d -> domains.put(d.spec().vmId(), SimulatedDomain.of(d)));
            });
        }
    }

    /**
     * The host whose hypervisor state is kept in {@code file}: the domains it holds come back
     * (running, paused or shut down, with their domids) when a new daemon opens it.
     */
    public static SimulatedHost persistent(SimulatorSettings settings, String xenplaneVersion, Path file) {
        SimulatedHost host = new SimulatedHost(settings, xenplaneVersion, new JsonFile<>(file, SavedHost.class));
        Path marker = powerOffMarker(file);
        if (Files.exists(marker)) {
            LOG.warnf("%s: the host was powered off while no daemon ran (%s): it comes back empty", file, marker);
            host.powerOff();
            try {
                Files.delete(marker);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot delete " + marker, e);
            }
        }
        return host;
    }

    /**
     * The file that, when present at start, says the host lost power while no daemon ran (its
     * simulated watchdog fired): the host comes back empty, as after a reset.
     */
    public static Path powerOffMarker(Path file) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", "") + ".power-off");
    }

    /**
     * The host loses power: every domain ends at once, and nobody is told (a toolstack on a
     * powered-off host hears nothing). The host is back at once, empty, as after a reset.
     */
    public synchronized void powerOff() {
        domains.clear();
        save();
    }

    /** This daemon lets go of the host: its listeners hear nothing more, and it writes nothing more. */
    @Override
    public synchronized void close() {
        closed = true;
        listeners.clear();
    }

    @Override
    public String id() {
        return "simulator";
    }

    public FailureInjector failures() {
        return failures;
    }

    public CallLog calls() {
        return calls;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public synchronized HostFacts facts() {
        return new HostFacts(settings.cpus(), settings.memory(), freeMemory(),
                Map.of("xen", XEN_VERSION, "xenplane", xenplaneVersion, "driver", id()));
    }

    /** Seeds the simulated guest load (and its clock): the same seed gives the same utilisations. */
    public synchronized void useLoad(SimulatedLoad simulatedLoad) {
        this.load = simulatedLoad;
    }

    @Override
    public synchronized StatisticsReading readStatistics() {
        return load.read(domains.values(), settings.cpus(), settings.memory(), freeMemory());
    }

    @Override
    public void addListener(DomainListener listener) {
        listeners.add(listener);
    }

    /** How this domain's guest will answer requests from now on (and after reboots). */
    public synchronized void setGuestBehaviour(UUID vmId, GuestBehaviour behaviour) {
        guestOverrides.put(vmId, behaviour);
        SimulatedDomain domain = domains.get(vmId);
        if (domain != null) {
            domain.guest = behaviour;
            save();
        }
    }

    // ---- lifecycle

    @Override
    public DomainInfo create(DomainSpec spec, boolean paused) {
        return call(DriverOperation.CREATE, spec.vmId(), () -> build(spec, paused, DriverOperation.CREATE).info());
    }

    @Override
    public void destroy(UUID vmId) {
        call(DriverOperation.DESTROY, vmId, () -> {
            synchronized (this) {
                domains.remove(vmId);
            }
            return null;
        });
    }

    @Override
    public synchronized Optional<DomainInfo> find(UUID vmId) {
        return Optional.ofNullable(domains.get(vmId)).map(SimulatedDomain::info);
    }

    @Override
    public List<DomainInfo> list() {
        return call(DriverOperation.LIST, null, () -> {
            synchronized (this) {
                return domains.values().stream().map(SimulatedDomain::info).toList();
            }
        });
    }

    // ---- adoption

    /** Every listener of a simulated host hears of all its domains: there is nothing more to watch. */
    @Override
    public void watch(DomainInfo domain) {
    }

    @Override
    public synchronized Optional<ShutdownReason> shutdownReason(UUID vmId) {
        SimulatedDomain d = domains.get(vmId);
        return d == null || d.state != DomainState.SHUTDOWN ? Optional.empty() : Optional.ofNullable(d.shutdownReason);
    }

    // ---- control

    @Override
    public void pause(UUID vmId) {
        call(DriverOperation.PAUSE, vmId, () -> setState(vmId, DriverOperation.PAUSE, DomainState.PAUSED));
    }

    @Override
    public void unpause(UUID vmId) {
        call(DriverOperation.UNPAUSE, vmId, () -> setState(vmId, DriverOperation.UNPAUSE, DomainState.RUNNING));
    }

    @Override
    public void requestShutdown(UUID vmId) {
        call(DriverOperation.SHUTDOWN, vmId, () -> ask(vmId, DriverOperation.SHUTDOWN, ShutdownReason.POWEROFF));
    }

    @Override
    public void requestReboot(UUID vmId) {
        call(DriverOperation.REBOOT, vmId, () -> ask(vmId, DriverOperation.REBOOT, ShutdownReason.REBOOT));
    }

    @Override
    public void setMemoryTarget(UUID vmId, long bytes) {
        call(DriverOperation.SET_MEMORY_TARGET, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = live(vmId, DriverOperation.SET_MEMORY_TARGET);
                if (bytes < 1 || bytes > d.spec.memoryStaticMax()) {
                    throw DriverOperation.SET_MEMORY_TARGET.failure(XenError.INVAL, "target above the domain's maximum");
                }
                d.memoryActual = bytes;
            }
            return null;
        });
    }

    @Override
    public void setVcpusOnline(UUID vmId, int online) {
        call(DriverOperation.SET_VCPUS_ONLINE, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = live(vmId, DriverOperation.SET_VCPUS_ONLINE);
                if (online < 1 || online > d.spec.vcpusMax()) {
                    throw DriverOperation.SET_VCPUS_ONLINE.failure(XenError.INVAL, "more vCPUs than the domain's maximum");
                }
                d.vcpusOnline = online;
            }
            return null;
        });
    }

    // ---- devices

    @Override
    public void attachDisk(UUID vmId, DiskSpec disk) {
        call(DriverOperation.ATTACH_DISK, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = live(vmId, DriverOperation.ATTACH_DISK);
                if (d.disks.containsKey(disk.vdev())) {
                    throw DriverOperation.ATTACH_DISK.failure(XenError.DEVICE_EXISTS, "the domain has a disk at " + disk.vdev());
                }
                d.disks.put(disk.vdev(), disk);
            }
            return null;
        });
    }

    @Override
    public void detachDisk(UUID vmId, String vdev) {
        call(DriverOperation.DETACH_DISK, vmId, () -> {
            synchronized (this) {
                if (present(vmId, DriverOperation.DETACH_DISK).disks.remove(vdev) == null) {
                    throw DriverOperation.DETACH_DISK.failure(XenError.NOTFOUND, "no disk at " + vdev);
                }
            }
            return null;
        });
    }

    @Override
    public void changeMedium(UUID vmId, DiskSpec medium) {
        call(DriverOperation.CDROM_INSERT, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = live(vmId, DriverOperation.CDROM_INSERT);
                DiskSpec drive = d.disks.get(medium.vdev());
                if (drive == null) {
                    throw DriverOperation.CDROM_INSERT.failure(XenError.NOTFOUND, "no drive at " + medium.vdev());
                }
                if (!drive.cdrom()) {
                    throw DriverOperation.CDROM_INSERT.failure(XenError.INVAL, medium.vdev() + " is not a CD drive");
                }
                d.disks.put(drive.vdev(), new DiskSpec(drive.vdev(), medium.path(), medium.format(), true, true));
            }
            return null;
        });
    }

    @Override
    public void attachNic(UUID vmId, NicSpec nic) {
        call(DriverOperation.ATTACH_NIC, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = live(vmId, DriverOperation.ATTACH_NIC);
                if (d.nics.values().stream().anyMatch(n -> n.mac().equalsIgnoreCase(nic.mac()))) {
                    throw DriverOperation.ATTACH_NIC.failure(XenError.DEVICE_EXISTS, "the domain has a NIC " + nic.mac());
                }
                d.nics.put(d.nextNicDevid(), nic);
            }
            return null;
        });
    }

    @Override
    public void detachNic(UUID vmId, String mac) {
        call(DriverOperation.DETACH_NIC, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = present(vmId, DriverOperation.DETACH_NIC);
                if (!d.nics.values().removeIf(n -> n.mac().equalsIgnoreCase(mac))) {
                    throw DriverOperation.DETACH_NIC.failure(XenError.NOTFOUND, "no NIC " + mac);
                }
            }
            return null;
        });
    }

    // ---- images

    @Override
    public void suspend(UUID vmId, Path image) {
        call(DriverOperation.SUSPEND, vmId, () -> {
            SimulatedImage saved;
            synchronized (this) {
                saved = SimulatedImage.of(answering(live(vmId, DriverOperation.SUSPEND), DriverOperation.SUSPEND));
            }
            try (OutputStream out = Files.newOutputStream(image)) {
                saved.writeTo(out, DriverOperation.SUSPEND);
            } catch (IOException e) {
                throw DriverOperation.SUSPEND.failure(XenError.FAIL, "cannot write " + image + ": " + e.getMessage());
            }
            synchronized (this) {
                domains.remove(vmId);
            }
            return null;
        });
    }

    @Override
    public DomainInfo restore(DomainSpec spec, Path image, boolean paused) {
        return call(DriverOperation.RESTORE, spec.vmId(), () -> {
            SimulatedImage saved;
            try (InputStream in = Files.newInputStream(image)) {
                saved = SimulatedImage.readFrom(in, spec.vmId(), DriverOperation.RESTORE);
            } catch (IOException e) {
                throw DriverOperation.RESTORE.failure(XenError.FAIL, "cannot read " + image + ": " + e.getMessage());
            }
            return resumeFrom(spec, saved, paused, DriverOperation.RESTORE);
        });
    }

    @Override
    public void sendMigration(UUID vmId, OutputStream stream) {
        call(DriverOperation.MIGRATE_SEND, vmId, () -> {
            SimulatedImage saved;
            synchronized (this) {
                SimulatedDomain d = answering(live(vmId, DriverOperation.MIGRATE_SEND), DriverOperation.MIGRATE_SEND);
                d.stateBeforeMigration = d.state;
                d.state = DomainState.PAUSED;
                d.migratingOut = true;
                saved = SimulatedImage.of(d);
            }
            saved.writeTo(stream, DriverOperation.MIGRATE_SEND);
            return null;
        });
    }

    @Override
    public void resumeAfterFailedMigration(UUID vmId) {
        call(DriverOperation.RESUME, vmId, () -> {
            synchronized (this) {
                SimulatedDomain d = present(vmId, DriverOperation.RESUME);
                if (d.migratingOut) {
                    d.migratingOut = false;
                    d.state = d.stateBeforeMigration;
                }
            }
            return null;
        });
    }

    @Override
    public DomainInfo receiveMigration(DomainSpec spec, InputStream stream) {
        return call(DriverOperation.MIGRATE_RECEIVE, spec.vmId(), () -> {
            SimulatedImage saved = SimulatedImage.readFrom(stream, spec.vmId(), DriverOperation.MIGRATE_RECEIVE);
            return resumeFrom(spec, saved, true, DriverOperation.MIGRATE_RECEIVE);
        });
    }

    // ---- what guests do by themselves

    /** The guest powers off, reboots or crashes by itself: the domain shuts down with that reason. */
    public void guestShutdown(UUID vmId, ShutdownReason reason) {
        int domid;
        synchronized (this) {
            SimulatedDomain d = domains.get(vmId);
            if (d == null || d.state == DomainState.SHUTDOWN) {
                return;
            }
            d.state = DomainState.SHUTDOWN;
            d.shutdownReason = reason;
            domid = d.domid;
            save();
        }
        GuestClock.later(Duration.ZERO, () -> listeners.forEach(l -> l.domainShutdown(vmId, domid, reason)));
    }

    // ---- internals

    private synchronized SimulatedDomain build(DomainSpec spec, boolean paused, DriverOperation operation) {
        validate(spec, operation);
        if (domains.containsKey(spec.vmId())) {
            throw operation.failure(XenError.INVAL, "domain with name \"" + spec.vmId() + "\" already exists");
        }
        long free = freeMemory();
        if (spec.memoryNeeded() > free) {
            throw operation.failure(XenError.NOMEM, "needs " + spec.memoryNeeded() + " bytes, " + free + " free");
        }
        SimulatedDomain domain = new SimulatedDomain(spec, nextDomid(), paused,
                guestOverrides.getOrDefault(spec.vmId(), settings.guest()));
        domains.put(spec.vmId(), domain);
        return domain;
    }

    private DomainInfo resumeFrom(DomainSpec spec, SimulatedImage saved, boolean paused, DriverOperation operation) {
        synchronized (this) {
            SimulatedDomain domain = build(spec, paused, operation);
            domain.memoryActual = Math.min(saved.memoryActual(), spec.memoryStaticMax());
            domain.vcpusOnline = Math.min(saved.vcpusOnline(), spec.vcpusMax());
            return domain.info();
        }
    }

    private static void validate(DomainSpec spec, DriverOperation operation) {
        if (spec.type().directKernelBoot() && (spec.kernel() == null || spec.kernel().isBlank())) {
            throw operation.failure(XenError.INVAL, spec.type().wireName() + " guest without a kernel");
        }
        if (spec.memoryTarget() > spec.memoryStaticMax() || spec.vcpusOnline() > spec.vcpusMax()) {
            throw operation.failure(XenError.INVAL, "target memory or online vCPUs above the maximum");
        }
    }

    private Void setState(UUID vmId, DriverOperation operation, DomainState wanted) {
        synchronized (this) {
            SimulatedDomain d = live(vmId, operation);
            if (d.migratingOut) {
                throw operation.failure(XenError.FAIL, "the domain is being migrated");
            }
            d.state = wanted;
        }
        return null;
    }

    private Void ask(UUID vmId, DriverOperation operation, ShutdownReason reason) {
        GuestBehaviour guest;
        int domid;
        synchronized (this) {
            SimulatedDomain d = live(vmId, operation);
            guest = d.guest;
            domid = d.domid;
        }
        if (guest.honoursRequests()) {
            GuestClock.later(guest.reactionDelay(), () -> obey(vmId, domid, reason));
        }
        return null;
    }

    /** A guest acts on a request when it gets CPU: a paused guest acts once it is unpaused. */
    private void obey(UUID vmId, int domid, ShutdownReason reason) {
        boolean paused;
        synchronized (this) {
            SimulatedDomain d = domains.get(vmId);
            if (d == null || d.domid != domid) {
                return;
            }
            paused = d.state == DomainState.PAUSED;
        }
        if (paused) {
            GuestClock.later(Duration.ofMillis(50), () -> obey(vmId, domid, reason));
        } else {
            guestShutdown(vmId, reason);
        }
    }

    private SimulatedDomain present(UUID vmId, DriverOperation operation) {
        SimulatedDomain d = domains.get(vmId);
        if (d == null) {
            throw operation.failure(XenError.DOMAIN_NOTFOUND, "no domain " + vmId);
        }
        return d;
    }

    /** A domain that exists and has not shut down. */
    private SimulatedDomain live(UUID vmId, DriverOperation operation) {
        SimulatedDomain d = present(vmId, operation);
        if (d.state == DomainState.SHUTDOWN) {
            throw operation.failure(XenError.DOMAIN_DESTROYED, "domain " + vmId + " has shut down");
        }
        return d;
    }

    /**
     * A domain whose guest can answer a suspend request: Xen suspends a PV or PVH guest only with
     * its help, so a paused domain, or a guest that ignores requests (hung, still booting, no PV
     * drivers), makes libxl give up with {@code ERROR_GUEST_TIMEDOUT} (after a minute, on real
     * Xen), and the domain stays as it was.
     */
    private static SimulatedDomain answering(SimulatedDomain d, DriverOperation operation) {
        if (d.state == DomainState.PAUSED || !d.guest.honoursRequests()) {
            throw operation.failure(XenError.GUEST_TIMEDOUT, "the guest did not answer the suspend request");
        }
        return d;
    }

    private long freeMemory() {
        long used = settings.dom0Memory();
        for (SimulatedDomain d : domains.values()) {
            used += d.charge();
        }
        return Math.max(0, settings.memory() - used);
    }

    private int nextDomid() {
        List<Integer> used = new ArrayList<>();
        domains.values().forEach(d -> used.add(d.domid));
        do {
            lastDomid = lastDomid >= MAX_DOMID ? 1 : lastDomid + 1;
        } while (used.contains(lastDomid));
        return lastDomid;
    }

    /**
     * Waits the operation's latency, fires any injected failure, runs it, records the outcome and
     * keeps what it changed.
     */
    private <T> T call(DriverOperation operation, UUID vmId, Supplier<T> body) {
        try {
            sleep(settings.latencyOf(operation));
            failures.check(operation);
            T result = body.get();
            calls.record(operation, vmId, "ok");
            return result;
        } catch (HypervisorException e) {
            calls.record(operation, vmId, e.error().libxlName());
            throw e;
        } finally {
            if (operation != DriverOperation.LIST) {
                save();
            }
        }
    }

    /** Writes the domains to the host's file (whole, atomically), unless the host has none or is closed. */
    private synchronized void save() {
        if (file == null || closed) {
            return;
        }
        try {
            file.write(new SavedHost(lastDomid, domains.values().stream().map(SimulatedDomain::saved).toList()));
        } catch (java.io.UncheckedIOException e) {
            LOG.errorf("The simulated host could not keep its domains: %s", e.getMessage());
        }
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException(XenError.ABORTED, "simulator", "interrupted");
        }
    }
}
