package org.xenplane.daemon.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.operation.OperationMemo;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.DomainRequests.IncomingMigration;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * The daemon's domain operations for one host, on top of its driver: idempotent by operation id,
 * with the host's domain generation, the recently ended domains, suspend images, incoming
 * migrations, and what xl does for a guest that shuts down by itself (on_poweroff=destroy,
 * on_reboot=restart, on_crash=destroy). Whoever listens ({@link #onChange}) hears of the changes
 * nobody asked for: the control plane learns of its own operations from their answers.
 */
public final class DomainManager {
    private static final Logger LOG = Logger.getLogger(DomainManager.class);

    private final String hostKey;
    private final HypervisorDriver driver;
    private final Path imageDir;
    /** Each host has its own manager, so one scope holds all of its operation ids. */
    private static final String SCOPE = "domains";
    private final OperationMemo operations = new OperationMemo(8192);
    private final EndedDomains ended = new EndedDomains(Duration.ofMinutes(10), 4096);
    private final MigrationTickets incoming = new MigrationTickets(Duration.ofMinutes(10));
    private final Waiters waiters = new Waiters();
    private final KeptSpecs specs;
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Grows with every change; starts from the clock so that it keeps growing across restarts. */
    private final AtomicLong generation = new AtomicLong(System.currentTimeMillis() * 1000);

    /** A manager whose domain specs end with it (a restarted one cannot rebuild a rebooting guest). */
    public DomainManager(String hostKey, HypervisorDriver driver, Path imageDir) {
        this(hostKey, driver, imageDir, KeptSpecs.inMemory());
    }

    /** A manager that keeps each domain's spec in {@code specDir}, where a restarted one finds them. */
    public DomainManager(String hostKey, HypervisorDriver driver, Path imageDir, Path specDir) {
        this(hostKey, driver, imageDir, KeptSpecs.in(specDir));
    }

    private DomainManager(String hostKey, HypervisorDriver driver, Path imageDir, KeptSpecs specs) {
        this.hostKey = hostKey;
        this.driver = driver;
        this.imageDir = imageDir;
        this.specs = specs;
        driver.addListener(this::domainShutdown);
    }

    public String hostKey() {
        return hostKey;
    }

    public HypervisorDriver driver() {
        return driver;
    }

    /**
     * Runs {@code listener} after every change that no operation asked for: a guest that powered
     * off, rebooted or crashed by itself. (Changes made by operations are in their answers.)
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * The host's domains now. The generation is read before the domains are listed, so the report
     * reflects every change whose generation is at or below it (and maybe some later ones).
     */
    public DomainReport report(UUID hostId) {
        long now = generation.get();
        List<DomainInfo> domains = driver.list().stream().map(this::withStartTime).toList();
        return new DomainReport(hostId, now, domains, ended.recent());
    }

    public Optional<DomainInfo> find(UUID vmId) {
        return driver.find(vmId).map(this::withStartTime);
    }

    public DomainResult create(String operationId, DomainSpec spec, boolean paused) {
        return once(operationId, "create " + spec.vmId(), spec.vmId(), () -> {
            DomainInfo info = driver.create(spec, paused);
            remember(spec);
            return changed(info);
        });
    }

    /** Hard shutdown: the domain is destroyed at once. A domain that is already gone is fine. */
    public DomainResult destroy(String operationId, UUID vmId) {
        return once(operationId, "destroy " + vmId, vmId, () -> {
            Optional<DomainInfo> before = driver.find(vmId);
            driver.destroy(vmId);
            before.ifPresent(d -> gone(vmId, d.domid(), ShutdownReason.DESTROYED));
            return new DomainResult(generation.get(), null);
        });
    }

    public DomainResult pause(String operationId, UUID vmId) {
        return once(operationId, "pause " + vmId, vmId, () -> {
            driver.pause(vmId);
            return changed(current(vmId, DriverOperation.PAUSE));
        });
    }

    public DomainResult unpause(String operationId, UUID vmId) {
        return once(operationId, "unpause " + vmId, vmId, () -> {
            driver.unpause(vmId);
            return changed(current(vmId, DriverOperation.UNPAUSE));
        });
    }

    /** Asks the guest to power off and waits; {@code ERROR_GUEST_TIMEDOUT} leaves the domain running. */
    public DomainResult cleanShutdown(String operationId, UUID vmId, Duration timeout) {
        return operations.run(SCOPE, operationId, "shutdown " + vmId, () -> {
            current(vmId, DriverOperation.SHUTDOWN);
            CompletableFuture<DomainInfo> done = waiters.register(vmId, Waiters.Awaiting.GONE);
            askGuest(vmId, done, () -> driver.requestShutdown(vmId));
            if (!Waiters.await(done, timeout)) {
                waiters.cancel(vmId, done);
                throw DriverOperation.SHUTDOWN.failure(XenError.GUEST_TIMEDOUT,
                        "the guest did not shut down within " + timeout.toMillis() + " ms");
            }
            return new DomainResult(generation.get(), null);
        });
    }

    /** Asks the guest to reboot and waits for its new domain; {@code ERROR_GUEST_TIMEDOUT} if it does not. */
    public DomainResult cleanReboot(String operationId, UUID vmId, Duration timeout) {
        return operations.run(SCOPE, operationId, "reboot " + vmId, () -> {
            current(vmId, DriverOperation.REBOOT);
            CompletableFuture<DomainInfo> done = waiters.register(vmId, Waiters.Awaiting.REBOOTED);
            askGuest(vmId, done, () -> driver.requestReboot(vmId));
            if (!Waiters.await(done, timeout)) {
                waiters.cancel(vmId, done);
                throw DriverOperation.REBOOT.failure(XenError.GUEST_TIMEDOUT,
                        "the guest did not reboot within " + timeout.toMillis() + " ms");
            }
            DomainInfo rebooted = done.join();
            if (rebooted == null) {
                throw DriverOperation.REBOOT.failure(XenError.DOMAIN_DESTROYED, "the domain ended instead of rebooting");
            }
            return new DomainResult(generation.get(), withStartTime(rebooted));
        });
    }

    public DomainResult suspend(String operationId, UUID vmId) {
        return once(operationId, "suspend " + vmId, vmId, () -> {
            DomainInfo before = current(vmId, DriverOperation.SUSPEND);
            createImageDir(DriverOperation.SUSPEND);
            driver.suspend(vmId, image(vmId));
            gone(vmId, before.domid(), ShutdownReason.SUSPENDED);
            return new DomainResult(generation.get(), null);
        });
    }

    public DomainResult restore(String operationId, DomainSpec spec, boolean paused) {
        return once(operationId, "restore " + spec.vmId(), spec.vmId(), () -> {
            Path image = image(spec.vmId());
            if (!Files.exists(image)) {
                throw DriverOperation.RESTORE.failure(XenError.NOTFOUND, "this host holds no suspend image for " + spec.vmId());
            }
            DomainInfo info = driver.restore(spec, image, paused);
            remember(spec);
            deleteImage(spec.vmId());
            return changed(info);
        });
    }

    /** Forgets a suspend image (its VM was destroyed, or resumed elsewhere). */
    public void forgetImage(UUID vmId) {
        deleteImage(vmId);
    }

    public boolean holdsImage(UUID vmId) {
        return Files.exists(image(vmId));
    }

    public DomainResult setMemoryTarget(String operationId, UUID vmId, long bytes) {
        return once(operationId, "memory " + vmId + " " + bytes, vmId, () -> {
            driver.setMemoryTarget(vmId, bytes);
            return changed(current(vmId, DriverOperation.SET_MEMORY_TARGET));
        });
    }

    public DomainResult setVcpusOnline(String operationId, UUID vmId, int online) {
        return once(operationId, "vcpus " + vmId + " " + online, vmId, () -> {
            driver.setVcpusOnline(vmId, online);
            return changed(current(vmId, DriverOperation.SET_VCPUS_ONLINE));
        });
    }

    /** Agrees to receive {@code spec}'s domain: the stream goes to {@code streamBase/<migration id>}. */
    public IncomingMigration prepareIncoming(String operationId, DomainSpec spec, String streamBase) {
        return operations.run(SCOPE, operationId, "incoming " + spec.vmId(), () -> {
            MigrationTickets.Incoming ticket = incoming.issue(spec);
            return new IncomingMigration(streamBase + "/" + ticket.id(), ticket.ticket());
        });
    }

    /** Builds the migrating domain from the stream, paused; empty when the ticket is wrong or spent. */
    public Optional<DomainResult> receive(UUID migrationId, String ticket, InputStream stream) {
        Optional<MigrationTickets.Incoming> redeemed = incoming.redeem(migrationId, ticket);
        return redeemed.map(in -> locked(in.spec().vmId(), () -> {
            DomainInfo info = driver.receiveMigration(in.spec(), stream);
            remember(in.spec());
            return changed(info);
        }));
    }

    /**
     * Sends the domain live to another host. When the receiver has it, the domain here is
     * destroyed; when the receiver fails, it is resumed here and the error is rethrown.
     */
    public DomainResult migrateOut(String operationId, UUID vmId, String streamUrl, String ticket, MigrationSender sender) {
        return once(operationId, "migrate " + vmId, vmId, () -> {
            DomainInfo before = current(vmId, DriverOperation.MIGRATE_SEND);
            try {
                sender.send(streamUrl, ticket, out -> driver.sendMigration(vmId, out));
            } catch (RuntimeException e) {
                resumeQuietly(vmId);
                if (e instanceof HypervisorException) {
                    throw e;
                }
                throw DriverOperation.MIGRATE_SEND.failure(XenError.FAIL, e.getMessage());
            }
            driver.destroy(vmId);
            gone(vmId, before.domid(), ShutdownReason.MIGRATED);
            return new DomainResult(generation.get(), null);
        });
    }

    // ---- adopting what outlived the last daemon, and the level-triggered sweep

    /**
     * Takes over the domains the hypervisor holds, as a daemon does at start: a first
     * {@link #reconcile} pass watches each, and deals with those that shut down while no daemon
     * watched; each domain's kept spec (if any) serves its reboots.
     *
     * @return the domains found
     */
    public List<DomainInfo> adopt() {
        List<DomainInfo> found = reconcile();
        for (DomainInfo domain : found) {
            if (specs.spec(domain.vmId()).isEmpty()) {
                LOG.warnf("%s: domain %d (%s) has no kept spec: if its guest reboots, it ends", hostKey, domain.domid(),
                        domain.vmId());
            }
        }
        LOG.infof("%s: adopted %d domain(s)", hostKey, found.size());
        return found;
    }

    /**
     * One pass of the level-triggered sweep: every domain is watched (watching twice is fine), and
     * every domain found shut down, however it got there (an event this daemon missed, a guest
     * that stopped while no daemon ran), gets its shutdown policy as if its event had just come; a
     * kept spec whose domain is gone is forgotten.
     *
     * @return the domains as the pass found them
     */
    public List<DomainInfo> reconcile() {
        List<DomainInfo> now = driver.list();
        for (DomainInfo domain : now) {
            driver.watch(domain);
            if (domain.state() == DomainState.SHUTDOWN) {
                driver.shutdownReason(domain.vmId())
                        .ifPresent(reason -> domainShutdown(domain.vmId(), domain.domid(), reason));
            }
        }
        java.util.Set<UUID> present = new java.util.HashSet<>();
        now.forEach(d -> present.add(d.vmId()));
        for (UUID vmId : specs.vmIds()) {
            if (!present.contains(vmId)) {
                locked(vmId, () -> {
                    if (driver.find(vmId).isEmpty()) {
                        specs.remove(vmId);
                    }
                    return null;
                });
            }
        }
        return now;
    }

    // ---- what xl does when a guest shuts down by itself

    private void domainShutdown(UUID vmId, int domid, ShutdownReason reason) {
        if (reason == ShutdownReason.SUSPEND) {
            return; // the suspend or migrate operation in progress owns the domain
        }
        try {
            locked(vmId, () -> {
                Optional<DomainInfo> now = driver.find(vmId);
                if (now.isEmpty() || now.get().domid() != domid || now.get().state() != DomainState.SHUTDOWN) {
                    return null;
                }
                if (reason == ShutdownReason.REBOOT && specs.spec(vmId).isPresent()) {
                    restart(vmId, domid);
                } else {
                    driver.destroy(vmId);
                    gone(vmId, domid, reason);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: handling the %s of domain %d (%s) failed", hostKey, reason.wireName(), domid, vmId);
        }
    }

    private void restart(UUID vmId, int domid) {
        driver.destroy(vmId);
        try {
            DomainSpec spec = specs.spec(vmId).orElseThrow();
            DomainInfo info = driver.create(spec, false);
            specs.put(spec, Instant.now());
            changed(info);
            if (!waiters.rebooted(vmId, info)) {
                LOG.infof("%s: domain %d (%s) rebooted by itself as domain %d", hostKey, domid, vmId, info.domid());
                fireChange();
            }
        } catch (HypervisorException e) {
            LOG.errorf("%s: domain %d (%s) could not be restarted after its reboot: %s", hostKey, domid, vmId, e.getMessage());
            gone(vmId, domid, ShutdownReason.CRASH);
        }
    }

    // ---- devices (hot-plug): the remembered spec follows, so a reboot rebuilds the domain with them

    public DomainResult plugDisk(String operationId, UUID vmId, DiskSpec disk) {
        return device(operationId, "plug disk " + disk.vdev() + " into " + vmId, vmId, DriverOperation.ATTACH_DISK,
                () -> driver.attachDisk(vmId, disk), spec -> spec.withDevices(with(spec.disks(), disk, d -> d.vdev()), spec.nics()));
    }

    public DomainResult unplugDisk(String operationId, UUID vmId, String vdev) {
        return device(operationId, "unplug disk " + vdev + " from " + vmId, vmId, DriverOperation.DETACH_DISK,
                () -> driver.detachDisk(vmId, vdev),
                spec -> spec.withDevices(spec.disks().stream().filter(d -> !d.vdev().equals(vdev)).toList(), spec.nics()));
    }

    public DomainResult changeMedium(String operationId, UUID vmId, DiskSpec medium) {
        return device(operationId, "change medium of " + medium.vdev() + " in " + vmId, vmId, DriverOperation.CDROM_INSERT,
                () -> driver.changeMedium(vmId, medium),
                spec -> spec.withDevices(with(spec.disks(), medium, d -> d.vdev()), spec.nics()));
    }

    public DomainResult plugNic(String operationId, UUID vmId, NicSpec nic) {
        return device(operationId, "plug NIC " + nic.mac() + " into " + vmId, vmId, DriverOperation.ATTACH_NIC,
                () -> driver.attachNic(vmId, nic), spec -> spec.withDevices(spec.disks(), with(spec.nics(), nic, n -> n.mac())));
    }

    public DomainResult unplugNic(String operationId, UUID vmId, String mac) {
        return device(operationId, "unplug NIC " + mac + " from " + vmId, vmId, DriverOperation.DETACH_NIC,
                () -> driver.detachNic(vmId, mac),
                spec -> spec.withDevices(spec.disks(), spec.nics().stream().filter(n -> !n.mac().equals(mac)).toList()));
    }

    private DomainResult device(String operationId, String operation, UUID vmId, DriverOperation driverOperation,
                                Runnable change, java.util.function.UnaryOperator<DomainSpec> remembered) {
        return once(operationId, operation, vmId, () -> {
            change.run();
            specs.update(vmId, remembered);
            return changed(current(vmId, driverOperation));
        });
    }

    /** The list with {@code item} in place of the element with the same key, or added at the end. */
    private static <T> List<T> with(List<T> list, T item, java.util.function.Function<T, String> key) {
        List<T> out = new java.util.ArrayList<>(list);
        out.removeIf(x -> key.apply(x).equals(key.apply(item)));
        out.add(item);
        return out;
    }

    // ---- helpers

    private DomainResult once(String operationId, String operation, UUID vmId, Supplier<DomainResult> body) {
        return operations.run(SCOPE, operationId, operation, () -> locked(vmId, body));
    }

    private <T> T locked(UUID vmId, Supplier<T> body) {
        synchronized (locks.computeIfAbsent(vmId, id -> new Object())) {
            return body.get();
        }
    }

    private void askGuest(UUID vmId, CompletableFuture<DomainInfo> done, Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            waiters.cancel(vmId, done);
            throw e;
        }
    }

    private DomainInfo current(UUID vmId, DriverOperation operation) {
        return driver.find(vmId).map(this::withStartTime)
                .orElseThrow(() -> operation.failure(XenError.DOMAIN_NOTFOUND, "no domain " + vmId + " on " + hostKey));
    }

    private void remember(DomainSpec spec) {
        specs.put(spec, Instant.now());
    }

    private DomainResult changed(DomainInfo info) {
        long now = generation.incrementAndGet();
        return new DomainResult(now, withStartTime(info));
    }

    private void gone(UUID vmId, int domid, ShutdownReason reason) {
        specs.remove(vmId);
        ended.add(vmId, domid, reason, generation.incrementAndGet());
        boolean awaited = waiters.gone(vmId);
        if (reason.byGuest() && !awaited) {
            LOG.infof("%s: domain %d (%s) ended: %s", hostKey, domid, vmId, reason.wireName());
            fireChange();
        }
    }

    private void fireChange() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A domain change listener failed", e);
            }
        }
    }

    private DomainInfo withStartTime(DomainInfo info) {
        return info.startedAt() != null ? info : info.withStartedAt(specs.startedAt(info.vmId()));
    }

    private void resumeQuietly(UUID vmId) {
        try {
            driver.resumeAfterFailedMigration(vmId);
        } catch (RuntimeException e) {
            LOG.errorf("%s: domain %s could not be resumed after a failed migration: %s", hostKey, vmId, e.getMessage());
        }
    }

    private Path image(UUID vmId) {
        return imageDir.resolve(vmId + ".img");
    }

    private void createImageDir(DriverOperation operation) {
        try {
            Files.createDirectories(imageDir);
        } catch (IOException e) {
            throw operation.failure(XenError.FAIL, "cannot create " + imageDir + ": " + e.getMessage());
        }
    }

    private void deleteImage(UUID vmId) {
        try {
            Files.deleteIfExists(image(vmId));
        } catch (IOException e) {
            LOG.warnf("%s: cannot delete the suspend image of %s: %s", hostKey, vmId, e.getMessage());
        }
    }
}
