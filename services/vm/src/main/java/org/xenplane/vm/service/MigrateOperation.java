package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainRequests.IncomingMigration;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * Live migration to another host of the pool (XenAPI {@code VM.pool_migrate}). Admission checks
 * that the destination has the VM's SRs plugged and its networks, and reserves the VM's memory
 * there too (it holds memory on both hosts until it has moved). The steps: the disks are
 * activated on the destination and its networks' bridges made there, the destination prepares to receive, the source sends the domain live (on failure the
 * source resumes it and the VM runs on where it was), the VM is recorded on the destination, and
 * the destination unpauses it. The source's reservation ends with the move.
 */
@ApplicationScoped
public class MigrateOperation {
    private final ClaimedTasks claimed;
    private final Placement placement;
    private final VmDevices devices;

    public MigrateOperation(ClaimedTasks claimed, Placement placement, VmDevices devices) {
        this.claimed = claimed;
        this.placement = placement;
        this.devices = devices;
    }

    public TaskView migrate(UUID vmId, UUID destination, String caller, String key) {
        return claimed.submit(VmOperation.POOL_MIGRATE, vmId, caller, key,
                (vm, need, filled) -> reserve(vm, destination, need), this::move);
    }

    /**
     * Migrates the VM to any other live, enabled host with room that can give it its disks and
     * networks and keeps HA's failover plan (a step of {@code host.evacuate}).
     */
    public TaskView migrateAway(UUID vmId, UUID source, String caller, String key) {
        return claimed.submit(VmOperation.POOL_MIGRATE, vmId, caller, key, (vm, need, filled) -> {
            java.util.Set<UUID> excluded = new java.util.HashSet<>(filled);
            excluded.add(source);
            return placement.reserveAnywhere(vm, need, excluded);
        }, this::move);
    }

    private HostRef reserve(Vm vm, UUID destination, long need) {
        if (destination.equals(vm.residentOn)) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VmOperation.POOL_MIGRATE.id(),
                    "the VM already runs on that host");
        }
        devices.assertHostCanAttach(vm.id, destination); // SR_NOT_ATTACHED, HOST_CANNOT_ATTACH_NETWORK
        return placement.reserveOn(destination, vm, need);
    }

    private void move(Claim claim, TaskContext context) {
        DaemonHost source = claimed.daemon(claim.host());
        DaemonHost target = claimed.daemon(claim.target());
        UUID destination = claim.target().id();
        AtomicBoolean prepared = new AtomicBoolean();
        AtomicBoolean moved = new AtomicBoolean();
        try {
            context.checkCancelled();
            prepared.set(true);
            DomainSpec spec = devices.prepareMove(claim.spec(), destination, claim.op("vbd_prepare_move"));
            spec = devices.ensureNetworks(spec, destination);
            IncomingMigration incoming = target.prepareIncoming(claim.op("migration_prepare"), spec);
            source.migrate(claim.op("migration_send"), claim.vmId(), incoming);
            moved.set(true);
            devices.completeMove(claim.vmId(), destination, claim.op("vbd_complete_move"));
            DomainResult running = target.unpause(claim.op("domain_unpause"), claim.vmId());
            claimed.transactions().succeed(claim, context, vm -> ClaimedTasks.resident(vm, claim.target(), running,
                    PowerState.RUNNING));
        } catch (RuntimeException e) {
            if (moved.get()) {
                // the domain is on the destination, paused: record it there as it is
                claimed.transactions().finish(claim, vm -> {
                    vm.powerState = PowerState.PAUSED;
                    vm.residentOn = claim.target().id();
                    vm.scheduledTo = null;
                    vm.domid = null;
                });
                throw e;
            }
            if (prepared.get()) {
                devices.abortMove(claim.vmId(), destination, claim.op("vbd_abort_move"));
            }
            claimed.transactions().finish(claim, vm -> vm.scheduledTo = null);
            throw e;
        }
    }
}
