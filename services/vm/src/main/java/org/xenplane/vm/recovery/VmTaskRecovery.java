package org.xenplane.vm.recovery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.task.TaskCancelledException;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskRecovery;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskStatus;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.ClaimedTasks;
import org.xenplane.vm.service.VmDevices;
import org.xenplane.vm.service.VmOperation;
import org.xenplane.vm.service.VmTransactions;
import org.xenplane.vm.service.VmViews;

/**
 * Finishes a VM operation whose server stopped in the middle (XAPI resynchronises a VM with
 * xenopsd after a restart the same way): the VM's hosts are asked where its domain is, the VM is
 * recorded as they report it ({@link Whereabouts}), what the operation held is released (the claim,
 * a reservation on a host the VM does not run on, the disks of a VM that does not run), and the task
 * ends in success if the operation had reached its goal, else {@code TASK_OWNER_LOST} (or cancelled,
 * if a cancel had been asked). A migration found on both hosts stays on its source: the half-built
 * copy on the destination is destroyed. A VM the task no longer holds is left alone.
 */
@ApplicationScoped
public class VmTaskRecovery implements TaskRecovery {
    private static final Logger LOG = Logger.getLogger(VmTaskRecovery.class);

    private final VmTransactions store;
    private final VmViews views;
    private final VmDevices devices;
    private final DomainSightings sightings;
    private final Hosts hosts;
    private final ClaimedTasks support;

    VmTaskRecovery(VmTransactions store, VmViews views, VmDevices devices, DomainSightings sightings, Hosts hosts,
                   ClaimedTasks support) {
        this.store = store;
        this.views = views;
        this.devices = devices;
        this.sightings = sightings;
        this.hosts = hosts;
        this.support = support;
    }

    @Override
    public boolean recovers(TaskView task) {
        return task.target() != null && Vm.CLASS.equals(task.target().objectClass())
                && operation(task.operation(), VmOperation::id).isPresent();
    }

    @Override
    public TaskResult recover(TaskView task, TaskContext context) {
        VmOperation operation = operation(task.operation(), VmOperation::id).orElseThrow();
        UUID vmId = task.target().id();
        Optional<Settled> settled = settle(vmId, task.id(), operation);
        if (settled.isPresent() && settled.get().where().reached(operation, settled.get().scheduledTo())) {
            return TaskResult.of(Vm.CLASS, vmId);
        }
        if (task.status() == TaskStatus.CANCELLING) {
            throw new TaskCancelledException();
        }
        throw new XenplaneException(ErrorCode.TASK_OWNER_LOST, task.id());
    }

    /** Where the VM was found, and the host it had been scheduled to. */
    record Settled(Whereabouts where, UUID scheduledTo) {
    }

    /**
     * Records the VM held by {@code taskId} as its hosts report it and frees it. Empty when the task
     * no longer holds it (the task had put it back itself, or the VM is gone).
     */
    Optional<Settled> settle(UUID vmId, UUID taskId, VmOperation operation) {
        Vm vm = QuarkusTransaction.requiringNew().call(() -> Vm.<Vm>findById(vmId));
        if (vm == null || !taskId.equals(vm.currentTask)) {
            return Optional.empty();
        }
        Sighting source = vm.residentOn == null ? Sighting.absent(null) : sightings.on(vm.residentOn, vmId);
        Sighting target = vm.scheduledTo == null || vm.scheduledTo.equals(vm.residentOn)
                ? Sighting.absent(vm.scheduledTo) : sightings.on(vm.scheduledTo, vmId);
        Whereabouts where = Whereabouts.of(vm, operation, source, target);
        where = cleanUpHosts(taskId, vm, operation, where, target);
        if (!record(taskId, vmId, where)) {
            return Optional.empty();
        }
        if (!where.runs() && !where.unchanged()) {
            devices.detachDisks(vmId, taskId + "/vbd_detach");
        }
        LOG.infof("VM %s, left busy with %s by task %s, is now recorded %s%s", vmId, operation.verb(), taskId,
                where.state().wireName(), where.host() == null ? "" : " on host " + where.host());
        return Optional.of(new Settled(where, vm.scheduledTo));
    }

    /**
     * A migration's other half. Moved: the disks are completed on the destination and the domain,
     * which the destination keeps paused until told, is unpaused there (the migration's last step).
     * Not moved: a copy of the domain left on the destination is destroyed and the disks prepared
     * there are given back.
     */
    private Whereabouts cleanUpHosts(UUID taskId, Vm vm, VmOperation operation, Whereabouts where, Sighting target) {
        if (operation != VmOperation.POOL_MIGRATE || vm.scheduledTo == null) {
            return where;
        }
        DaemonHost destination = support.daemon(QuarkusTransaction.requiringNew().call(() -> hosts.require(vm.scheduledTo)));
        if (where.runs() && where.host().equals(vm.scheduledTo)) {
            devices.completeMove(vm.id, vm.scheduledTo, taskId + "/vbd_complete_move");
            if (where.state() == PowerState.PAUSED) {
                DomainResult running = destination.unpause(taskId + "/domain_unpause", vm.id);
                return new Whereabouts(where.host(), running.domain() != null ? running.domain() : where.domain(),
                        PowerState.RUNNING, false);
            }
            return where;
        }
        if (target.present()) {
            destination.destroy(taskId + "/recovery_destroy", vm.id);
        }
        devices.abortMove(vm.id, vm.scheduledTo, taskId + "/vbd_abort_move");
        return where;
    }

    /** Records the VM where it is and frees it, if the task still holds it; false when it does not. */
    private boolean record(UUID taskId, UUID vmId, Whereabouts where) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Vm vm = store.lock(vmId);
            if (!taskId.equals(vm.currentTask)) {
                return false;
            }
            if (!where.unchanged()) {
                apply(vm, where);
            } else if (vm.scheduledTo != null && !vm.scheduledTo.equals(vm.residentOn)) {
                vm.scheduledTo = null; // the reservation for the operation; the VM keeps its record on its host
            }
            vm.currentOperation = null;
            vm.currentTask = null;
            views.publish(EventOperation.MOD, vm);
            return true;
        });
    }

    private void apply(Vm vm, Whereabouts where) {
        if (where.runs()) {
            vm.powerState = where.state();
            vm.residentOn = where.host();
            vm.scheduledTo = null;
            vm.suspendedOn = null;
            vm.domid = where.domain().domid();
            vm.startTime = where.domain().startedAt();
            vm.vcpusOnline = where.domain().vcpusOnline();
            vm.memoryActual = where.domain().memoryActual();
            devices.setVifsAttached(vm.id, true);
            return;
        }
        vm.clearDomain();
        vm.powerState = where.state();
        vm.suspendedOn = where.state() == PowerState.SUSPENDED ? where.host() : null;
        devices.setVifsAttached(vm.id, false);
    }

    static Optional<VmOperation> operation(String name, java.util.function.Function<VmOperation, String> naming) {
        return Arrays.stream(VmOperation.values()).filter(op -> naming.apply(op).equals(name)).findFirst();
    }
}
