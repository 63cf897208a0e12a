package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainRequests.IncomingMigration;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * Live migration to another host of the pool (XenAPI {@code VM.pool_migrate}). Admission reserves
 * the VM's memory on the destination too (it holds memory on both hosts until it has moved). The
 * steps: the destination prepares to receive, the source sends the domain live (on failure the
 * source resumes it and the VM runs on where it was), the VM is recorded on the destination, and
 * the destination unpauses it. The source's reservation ends with the move.
 */
@ApplicationScoped
public class MigrateOperation {
    private final LifecycleSupport support;
    private final Placement placement;

    public MigrateOperation(LifecycleSupport support, Placement placement) {
        this.support = support;
        this.placement = placement;
    }

    public TaskView migrate(UUID vmId, UUID destination, String caller, String key) {
        return support.submit(VmOperation.POOL_MIGRATE, vmId, caller, key,
                (vm, need, filled) -> reserve(vm, destination, need), this::move);
    }

    private HostRef reserve(Vm vm, UUID destination, long need) {
        if (destination.equals(vm.residentOn)) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, VmOperation.POOL_MIGRATE.id(),
                    "the VM already runs on that host");
        }
        return placement.reserveOn(destination, vm, need);
    }

    private void move(Claim claim, TaskContext context) {
        DaemonHost source = support.daemon(claim.host());
        DaemonHost target = support.daemon(claim.target());
        AtomicBoolean moved = new AtomicBoolean();
        try {
            context.checkCancelled();
            IncomingMigration incoming = target.prepareIncoming(claim.op("migration_prepare"), claim.spec());
            source.migrate(claim.op("migration_send"), claim.vmId(), incoming);
            moved.set(true);
            DomainResult running = target.unpause(claim.op("domain_unpause"), claim.vmId());
            support.store().succeed(claim, context, vm -> LifecycleSupport.resident(vm, claim.target(), running,
                    PowerState.RUNNING));
        } catch (RuntimeException e) {
            if (moved.get()) {
                // the domain is on the destination, paused: record it there as it is
                support.store().finish(claim, vm -> {
                    vm.powerState = PowerState.PAUSED;
                    vm.residentOn = claim.target().id();
                    vm.scheduledTo = null;
                    vm.domid = null;
                });
                throw e;
            }
            support.store().finish(claim, vm -> vm.scheduledTo = null);
            throw e;
        }
    }
}
