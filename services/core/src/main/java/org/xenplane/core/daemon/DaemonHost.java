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
 * The domain API of one host's daemon ({@link DaemonProtocol}), from {@link DomainDaemonClient}.
 * Each mutating call takes an operation id (e.g. {@code <task id>/create}); the daemon acts once
 * per id.
 */
public final class DaemonHost {
    private static final Duration NONE = Duration.ZERO;
    private static final Duration MIGRATION_TIME = Duration.ofHours(1);

    private final DaemonTransport transport;
    private final HostRef host;

    DaemonHost(DaemonTransport transport, HostRef host) {
        this.transport = transport;
        this.host = host;
    }

    public UUID hostId() {
        return host.id();
    }

    public DomainReport domains() {
        return transport.send(host, DaemonRequest.get(DaemonProtocol.DOMAINS), DomainReport.class);
    }

    public DomainResult create(String operationId, DomainSpec spec, boolean paused) {
        return send(DaemonRequest.change("PUT", operationId, new DomainRequests.Create(spec, paused),
                DaemonProtocol.DOMAIN, spec.vmId()), NONE);
    }

    /** Hard shutdown: destroys the domain; a domain that is already gone is fine. */
    public DomainResult destroy(String operationId, UUID vmId) {
        return send(DaemonRequest.change("DELETE", operationId, null, DaemonProtocol.DOMAIN, vmId), NONE);
    }

    public DomainResult pause(String operationId, UUID vmId) {
        return send(DaemonRequest.change("POST", operationId, null, DaemonProtocol.DOMAIN_PAUSE, vmId), NONE);
    }

    public DomainResult unpause(String operationId, UUID vmId) {
        return send(DaemonRequest.change("POST", operationId, null, DaemonProtocol.DOMAIN_UNPAUSE, vmId), NONE);
    }

    public DomainResult cleanShutdown(String operationId, UUID vmId, Duration timeout) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.CleanShutdown(timeout.toMillis()),
                DaemonProtocol.DOMAIN_SHUTDOWN, vmId), timeout);
    }

    public DomainResult cleanReboot(String operationId, UUID vmId, Duration timeout) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.CleanShutdown(timeout.toMillis()),
                DaemonProtocol.DOMAIN_REBOOT, vmId), timeout);
    }

    public DomainResult suspend(String operationId, UUID vmId) {
        return send(DaemonRequest.change("POST", operationId, null,
                DaemonProtocol.DOMAIN_SUSPEND, vmId), MIGRATION_TIME);
    }

    public DomainResult restore(String operationId, DomainSpec spec, boolean paused) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.Restore(spec, paused),
                DaemonProtocol.DOMAIN_RESTORE, spec.vmId()), MIGRATION_TIME);
    }

    public DomainResult setMemoryTarget(String operationId, UUID vmId, long bytes) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.MemoryTarget(bytes),
                DaemonProtocol.DOMAIN_MEMORY, vmId), NONE);
    }

    public DomainResult setVcpusOnline(String operationId, UUID vmId, int online) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.VcpusOnline(online),
                DaemonProtocol.DOMAIN_VCPUS, vmId), NONE);
    }

    /** Asks this host to receive {@code spec}'s domain: where to send it, and the ticket. */
    public DomainRequests.IncomingMigration prepareIncoming(String operationId, DomainSpec spec) {
        return transport.send(host, DaemonRequest.change("POST", operationId, new DomainRequests.PrepareIncoming(spec),
                DaemonProtocol.INCOMING_MIGRATIONS), DomainRequests.IncomingMigration.class);
    }

    /** Sends the domain live to the host that issued {@code incoming}; the domain here is gone afterwards. */
    public DomainResult migrate(String operationId, UUID vmId, DomainRequests.IncomingMigration incoming) {
        DomainRequests.MigrateOut out = new DomainRequests.MigrateOut(incoming.streamUrl(), incoming.ticket());
        return send(DaemonRequest.change("POST", operationId, out,
                DaemonProtocol.DOMAIN_MIGRATE, vmId), MIGRATION_TIME);
    }

    public DomainResult plugDisk(String operationId, UUID vmId, DiskSpec disk) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.PlugDisk(disk),
                DaemonProtocol.DOMAIN_DISKS, vmId), NONE);
    }

    public DomainResult unplugDisk(String operationId, UUID vmId, String vdev) {
        return send(DaemonRequest.change("DELETE", operationId, null, DaemonProtocol.DOMAIN_DISK, vmId, vdev), NONE);
    }

    /** Inserts {@code medium} into its CD drive, or ejects when it has no path. */
    public DomainResult changeMedium(String operationId, UUID vmId, DiskSpec medium) {
        return send(DaemonRequest.change("PUT", operationId, new DomainRequests.ChangeMedium(medium),
                DaemonProtocol.DOMAIN_DISK_MEDIUM, vmId, medium.vdev()), NONE);
    }

    public DomainResult plugNic(String operationId, UUID vmId, NicSpec nic) {
        return send(DaemonRequest.change("POST", operationId, new DomainRequests.PlugNic(nic),
                DaemonProtocol.DOMAIN_NICS, vmId), NONE);
    }

    public DomainResult unplugNic(String operationId, UUID vmId, String mac) {
        return send(DaemonRequest.change("DELETE", operationId, null, DaemonProtocol.DOMAIN_NIC, vmId, mac), NONE);
    }

    /** Deletes the suspend image this host keeps for a VM. */
    public void forgetImage(UUID vmId) {
        transport.send(host, DaemonRequest.change("DELETE", null, null, DaemonProtocol.SUSPEND_IMAGE, vmId), Void.class);
    }

    private DomainResult send(DaemonRequest request, Duration extra) {
        return transport.send(host, request.plus(extra), DomainResult.class);
    }
}
