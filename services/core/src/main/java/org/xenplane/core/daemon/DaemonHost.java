package org.xenplane.core.daemon;

import java.time.Duration;
import java.util.UUID;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.DomainRequests;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * One host's daemon, as the control plane calls it. Each mutating call takes an operation id
 * (e.g. {@code <task id>/create}); the daemon acts once per id.
 */
public final class DaemonHost {
    private static final Duration NONE = Duration.ZERO;
    private static final Duration MIGRATION_TIME = Duration.ofHours(1);

    private final DaemonCall call;

    DaemonHost(DaemonCall call) {
        this.call = call;
    }

    public UUID hostId() {
        return call.hostId();
    }

    public DomainReport domains() {
        return call.send("GET", DaemonProtocol.DOMAINS, null, null, NONE, DomainReport.class);
    }

    public DomainResult create(String operationId, DomainSpec spec, boolean paused) {
        return call.send("PUT", path(DaemonProtocol.DOMAIN, spec.vmId()), new DomainRequests.Create(spec, paused),
                operationId, NONE, DomainResult.class);
    }

    /** Hard shutdown: destroys the domain; a domain that is already gone is fine. */
    public DomainResult destroy(String operationId, UUID vmId) {
        return call.send("DELETE", path(DaemonProtocol.DOMAIN, vmId), null, operationId, NONE, DomainResult.class);
    }

    public DomainResult pause(String operationId, UUID vmId) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_PAUSE, vmId), null, operationId, NONE, DomainResult.class);
    }

    public DomainResult unpause(String operationId, UUID vmId) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_UNPAUSE, vmId), null, operationId, NONE, DomainResult.class);
    }

    public DomainResult cleanShutdown(String operationId, UUID vmId, Duration timeout) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_SHUTDOWN, vmId),
                new DomainRequests.CleanShutdown(timeout.toMillis()), operationId, timeout, DomainResult.class);
    }

    public DomainResult cleanReboot(String operationId, UUID vmId, Duration timeout) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_REBOOT, vmId),
                new DomainRequests.CleanShutdown(timeout.toMillis()), operationId, timeout, DomainResult.class);
    }

    public DomainResult suspend(String operationId, UUID vmId) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_SUSPEND, vmId), null, operationId, MIGRATION_TIME,
                DomainResult.class);
    }

    public DomainResult restore(String operationId, DomainSpec spec, boolean paused) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_RESTORE, spec.vmId()), new DomainRequests.Restore(spec, paused),
                operationId, MIGRATION_TIME, DomainResult.class);
    }

    public DomainResult setMemoryTarget(String operationId, UUID vmId, long bytes) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_MEMORY, vmId), new DomainRequests.MemoryTarget(bytes),
                operationId, NONE, DomainResult.class);
    }

    public DomainResult setVcpusOnline(String operationId, UUID vmId, int online) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_VCPUS, vmId), new DomainRequests.VcpusOnline(online),
                operationId, NONE, DomainResult.class);
    }

    /** Asks this host to receive {@code spec}'s domain: where to send it, and the ticket. */
    public DomainRequests.IncomingMigration prepareIncoming(String operationId, DomainSpec spec) {
        return call.send("POST", DaemonProtocol.INCOMING_MIGRATIONS, new DomainRequests.PrepareIncoming(spec),
                operationId, NONE, DomainRequests.IncomingMigration.class);
    }

    /** Sends the domain live to the host that issued {@code incoming}; the domain here is gone afterwards. */
    public DomainResult migrate(String operationId, UUID vmId, DomainRequests.IncomingMigration incoming) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_MIGRATE, vmId),
                new DomainRequests.MigrateOut(incoming.streamUrl(), incoming.ticket()), operationId, MIGRATION_TIME,
                DomainResult.class);
    }

    public DomainResult plugDisk(String operationId, UUID vmId, DiskSpec disk) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_DISKS, vmId), new DomainRequests.PlugDisk(disk), operationId,
                NONE, DomainResult.class);
    }

    public DomainResult unplugDisk(String operationId, UUID vmId, String vdev) {
        return call.send("DELETE", String.format(DaemonProtocol.DOMAIN_DISK, vmId, vdev), null, operationId, NONE,
                DomainResult.class);
    }

    /** Inserts {@code medium} into its CD drive, or ejects when it has no path. */
    public DomainResult changeMedium(String operationId, UUID vmId, DiskSpec medium) {
        return call.send("PUT", String.format(DaemonProtocol.DOMAIN_DISK_MEDIUM, vmId, medium.vdev()),
                new DomainRequests.ChangeMedium(medium), operationId, NONE, DomainResult.class);
    }

    public DomainResult plugNic(String operationId, UUID vmId, NicSpec nic) {
        return call.send("POST", path(DaemonProtocol.DOMAIN_NICS, vmId), new DomainRequests.PlugNic(nic), operationId,
                NONE, DomainResult.class);
    }

    public DomainResult unplugNic(String operationId, UUID vmId, String mac) {
        return call.send("DELETE", String.format(DaemonProtocol.DOMAIN_NIC, vmId, mac), null, operationId, NONE,
                DomainResult.class);
    }

    /** Deletes the suspend image this host keeps for a VM. */
    public void forgetImage(UUID vmId) {
        call.send("DELETE", path(DaemonProtocol.SUSPEND_IMAGE, vmId), null, null, NONE, Void.class);
    }

    private static String path(String template, UUID vmId) {
        return String.format(template, vmId);
    }
}
