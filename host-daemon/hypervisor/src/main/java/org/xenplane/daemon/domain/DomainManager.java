package org.xenplane.daemon.domain;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.DomainRequests.IncomingMigration;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * The daemon's domain operations for one host, on top of its driver: idempotent by operation id,
 * with the host's domain generation ({@link HostDomains}, which they share). The domain's own
 * lifecycle (create, destroy, pause) is here; the rest is in one class per concern, which this
 * entry point hands each call to: the guest's shutdowns and reboots, asked for or by itself
 * ({@link GuestRequests}), suspend images ({@link SuspendImages}), live migration
 * ({@link DomainMigration}), hot-plugged devices and resources ({@link DomainDevices}), and the
 * sweep over what the hypervisor holds ({@link DomainSweep}). Whoever listens ({@link #onChange})
 * hears of the changes nobody asked for: the control plane learns of its own operations from their
 * answers.
 */
public final class DomainManager {
    private final HostDomains host;
    private final GuestRequests guests;
    private final SuspendImages images;
    private final DomainMigration migration;
    private final DomainDevices devices;
    private final DomainSweep sweep;

    /** A manager whose domain specs end with it (a restarted one cannot rebuild a rebooting guest). */
    public DomainManager(String hostKey, HypervisorDriver driver, Path imageDir) {
        this(hostKey, driver, imageDir, KeptSpecs.inMemory());
    }

    /** A manager that keeps each domain's spec in {@code specDir}, where a restarted one finds them. */
    public DomainManager(String hostKey, HypervisorDriver driver, Path imageDir, Path specDir) {
        this(hostKey, driver, imageDir, KeptSpecs.in(specDir));
    }

    private DomainManager(String hostKey, HypervisorDriver driver, Path imageDir, KeptSpecs specs) {
        this.host = new HostDomains(hostKey, driver, specs);
        this.guests = new GuestRequests(host);
        this.images = new SuspendImages(host, imageDir);
        this.migration = new DomainMigration(host);
        this.devices = new DomainDevices(host);
        this.sweep = new DomainSweep(host, guests);
        driver.addListener(guests::domainShutdown);
    }

    public String hostKey() {
        return host.hostKey;
    }

    public HypervisorDriver driver() {
        return host.driver;
    }

    /**
     * Runs {@code listener} after every change that no operation asked for: a guest that powered
     * off, rebooted or crashed by itself. (Changes made by operations are in their answers.)
     */
    public void onChange(Runnable listener) {
        host.onChange(listener);
    }

    /**
     * The host's domains now. The generation is read before the domains are listed, so the report
     * reflects every change whose generation is at or below it (and maybe some later ones).
     */
    public DomainReport report(UUID hostId) {
        long now = host.generation();
        List<DomainInfo> domains = host.driver.list().stream().map(host::withStartTime).toList();
        return new DomainReport(hostId, now, domains, host.ended.recent());
    }

    public Optional<DomainInfo> find(UUID vmId) {
        return host.driver.find(vmId).map(host::withStartTime);
    }

    // ---- the domain's lifecycle

    public DomainResult create(String operationId, DomainSpec spec, boolean paused) {
        return host.once(operationId, "create " + spec.vmId(), spec.vmId(), () -> {
            DomainInfo info = host.driver.create(spec, paused);
            host.remember(spec);
            return host.changed(info);
        });
    }

    /** Hard shutdown: the domain is destroyed at once. A domain that is already gone is fine. */
    public DomainResult destroy(String operationId, UUID vmId) {
        return host.once(operationId, "destroy " + vmId, vmId, () -> {
            Optional<DomainInfo> before = host.driver.find(vmId);
            host.driver.destroy(vmId);
            before.ifPresent(d -> host.gone(vmId, d.domid(), ShutdownReason.DESTROYED));
            return host.none();
        });
    }

    public DomainResult pause(String operationId, UUID vmId) {
        return host.once(operationId, "pause " + vmId, vmId, () -> {
            host.driver.pause(vmId);
            return host.changed(host.current(vmId, DriverOperation.PAUSE));
        });
    }

    public DomainResult unpause(String operationId, UUID vmId) {
        return host.once(operationId, "unpause " + vmId, vmId, () -> {
            host.driver.unpause(vmId);
            return host.changed(host.current(vmId, DriverOperation.UNPAUSE));
        });
    }

    // ---- the guest's shutdowns and reboots

    /** Asks the guest to power off and waits; {@code ERROR_GUEST_TIMEDOUT} leaves the domain running. */
    public DomainResult cleanShutdown(String operationId, UUID vmId, Duration timeout) {
        return guests.cleanShutdown(operationId, vmId, timeout);
    }

    /** Asks the guest to reboot and waits for its new domain; {@code ERROR_GUEST_TIMEDOUT} if it does not. */
    public DomainResult cleanReboot(String operationId, UUID vmId, Duration timeout) {
        return guests.cleanReboot(operationId, vmId, timeout);
    }

    // ---- suspend and restore

    public DomainResult suspend(String operationId, UUID vmId) {
        return images.suspend(operationId, vmId);
    }

    public DomainResult restore(String operationId, DomainSpec spec, boolean paused) {
        return images.restore(operationId, spec, paused);
    }

    /** Forgets a suspend image (its VM was destroyed, or resumed elsewhere). */
    public void forgetImage(UUID vmId) {
        images.forget(vmId);
    }

    public boolean holdsImage(UUID vmId) {
        return images.holds(vmId);
    }

    // ---- resources and hot-plugged devices: the kept spec follows, so a reboot rebuilds the domain with them

    public DomainResult setMemoryTarget(String operationId, UUID vmId, long bytes) {
        return devices.setMemoryTarget(operationId, vmId, bytes);
    }

    public DomainResult setVcpusOnline(String operationId, UUID vmId, int online) {
        return devices.setVcpusOnline(operationId, vmId, online);
    }

    public DomainResult plugDisk(String operationId, UUID vmId, DiskSpec disk) {
        return devices.plugDisk(operationId, vmId, disk);
    }

    public DomainResult unplugDisk(String operationId, UUID vmId, String vdev) {
        return devices.unplugDisk(operationId, vmId, vdev);
    }

    public DomainResult changeMedium(String operationId, UUID vmId, DiskSpec medium) {
        return devices.changeMedium(operationId, vmId, medium);
    }

    public DomainResult plugNic(String operationId, UUID vmId, NicSpec nic) {
        return devices.plugNic(operationId, vmId, nic);
    }

    public DomainResult unplugNic(String operationId, UUID vmId, String mac) {
        return devices.unplugNic(operationId, vmId, mac);
    }

    // ---- live migration

    /** Agrees to receive {@code spec}'s domain: the stream goes to {@code streamBase/<migration id>}. */
    public IncomingMigration prepareIncoming(String operationId, DomainSpec spec, String streamBase) {
        return migration.prepareIncoming(operationId, spec, streamBase);
    }

    /** Builds the migrating domain from the stream, paused; empty when the ticket is wrong or spent. */
    public Optional<DomainResult> receive(UUID migrationId, String ticket, InputStream stream) {
        return migration.receive(migrationId, ticket, stream);
    }

    /**
     * Sends the domain live to another host. When the receiver has it, the domain here is
     * destroyed; when the receiver fails, it is resumed here and the error is rethrown.
     */
    public DomainResult migrateOut(String operationId, UUID vmId, String streamUrl, String ticket, MigrationSender sender) {
        return migration.migrateOut(operationId, vmId, streamUrl, ticket, sender);
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
        return sweep.adopt();
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
        return sweep.reconcile();
    }
}
