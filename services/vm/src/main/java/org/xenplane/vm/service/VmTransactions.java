package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.message.Messages;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskStore;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * The transactions of the VM lifecycle: claiming a VM for an operation (the check, the
 * reservation and the mark "in progress" in one transaction with the VM row locked), and ending
 * it (the outcome and the release, in another). Each writes its event.
 */
@ApplicationScoped
public class VmTransactions {
    private static final Logger LOG = Logger.getLogger(VmTransactions.class);

    private final EntityManager em;
    private final VmViews views;
    private final Messages messages;
    private final Hosts hosts;
    private final VmDevices devices;
    private final Event<DomainEnded> ended;
    private final VmStates states;
    private final TaskStore tasks;

    public VmTransactions(EntityManager em, VmViews views, Messages messages, Hosts hosts, VmDevices devices,
                   Event<DomainEnded> ended, VmStates states, TaskStore tasks) {
        this.em = em;
        this.states = states;
        this.tasks = tasks;
        this.views = views;
        this.messages = messages;
        this.hosts = hosts;
        this.devices = devices;
        this.ended = ended;
    }

    /** A VM's domain ended without an operation of Xenplane's: its disks are detached once the VM is recorded halted. */
    public record DomainEnded(UUID vmId) {
    }

    /** The VM, row-locked for the rest of the caller's transaction, if {@code operation} may run on it now. */
    public Vm lockIfAllowed(UUID vmId, VmOperation operation) {
        Vm vm = lock(vmId);
        operation.assertAllowed(states.of(vm));
        return vm;
    }

    /** The VM, row-locked for the rest of the caller's transaction. */
    public Vm lock(UUID vmId) {
        Vm vm = em.find(Vm.class, vmId, LockModeType.PESSIMISTIC_WRITE);
        if (vm == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Vm.CLASS, vmId);
        }
        return vm;
    }

    /**
     * In one transaction: locks the VM, checks that {@code operation} may run on it now, lets
     * {@code reserve} take what the operation needs (it returns the target host, or null), and
     * marks the VM busy with the task.
     */
    public Claim claim(UUID vmId, VmOperation operation, UUID taskId, Reservation reserve) {
        Set<UUID> filled = new HashSet<>();
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> claimOnce(vmId, operation, taskId, reserve, filled));
            } catch (Placement.HostFilledMeanwhile e) {
                filled.add(e.host());
            }
        }
    }

    /**
     * The same claim in the caller's transaction (the one that creates the task). A host that
     * filled up meanwhile is added to {@code filled} and the caller's transaction must be retried
     * ({@link Placement.HostFilledMeanwhile} is a {@code TaskAdmission.Retry}).
     */
    public Claim claimInCurrentTransaction(UUID vmId, VmOperation operation, UUID taskId, Reservation reserve,
                                           Set<UUID> filled) {
        try {
            return claimOnce(vmId, operation, taskId, reserve, filled);
        } catch (Placement.HostFilledMeanwhile e) {
            filled.add(e.host());
            throw e;
        }
    }

    /** How an operation reserves what it needs while its VM is claimed: the target host, or null. */
    @FunctionalInterface
    public interface Reservation {
        HostRef reserve(Vm vm, long need, Set<UUID> filledMeanwhile);
    }

    private Claim claimOnce(UUID vmId, VmOperation operation, UUID taskId, Reservation reserve, Set<UUID> filled) {
        Vm vm = lockIfAllowed(vmId, operation);
        if (operation.attachesDisks()) {
            devices.holdDisksForAttach(vmId);
        }
        Claim claim = new Claim(taskId, vmId, operation, DomainSpecs.of(vm), vm.powerState,
                hostOf(vm), reserve.reserve(vm, DomainSpecs.of(vm).memoryNeeded(), filled));
        vm.currentOperation = operation.verb();
        vm.currentTask = taskId;
        views.publish(EventOperation.MOD, vm);
        return claim;
    }

    /** Ends the task's operation on the VM: applies {@code outcome}, frees the VM for the next operation. */
    public void finish(Claim claim, Consumer<Vm> outcome) {
        finish(claim, outcome, null);
    }

    /**
     * Ends the operation successfully: the outcome, the VM's release and the task's success
     * commit together, unless the task was cancelled meanwhile (then nothing is recorded and
     * {@code TaskCancelledException} is thrown, for the steps done to be undone).
     */
    public void succeed(Claim claim, TaskContext context, Consumer<Vm> outcome) {
        finish(claim, outcome, context);
    }

    private void finish(Claim claim, Consumer<Vm> outcome, TaskContext context) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (context != null) {
                context.checkCancelled(); // in this transaction: a cancellation rolls the outcome back
            }
            Vm vm = em.find(Vm.class, claim.vmId(), LockModeType.PESSIMISTIC_WRITE);
            if (vm == null || !claim.taskId().equals(vm.currentTask)) {
                LOG.warnf("VM %s is no longer claimed by task %s; its outcome is not recorded", claim.vmId(), claim.taskId());
                return;
            }
            outcome.accept(vm);
            vm.currentOperation = null;
            vm.currentTask = null;
            views.publish(EventOperation.MOD, vm);
            if (context != null) {
                context.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, vm.id));
            }
        });
        claim.finished().set(true);
    }

    /**
     * Frees the VM if the task still holds it, changing nothing else: the safety net after an
     * unexpected failure, so that no VM stays busy with a task that ended.
     */
    public void releaseIfClaimed(Claim claim) {
        if (claim == null || claim.finished().get()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Vm vm = em.find(Vm.class, claim.vmId(), LockModeType.PESSIMISTIC_WRITE);
            if (vm != null && claim.taskId().equals(vm.currentTask)) {
                vm.currentOperation = null;
                vm.currentTask = null;
                views.publish(EventOperation.MOD, vm);
            }
        });
    }

    /**
     * Frees the VM if the task it is marked busy with has ended or no longer exists (a claim that a
     * crash or a bug left behind); a task that has not finished keeps it. In a transaction of its own.
     */
    public void releaseIfTaskEnded(UUID vmId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Vm vm = lock(vmId);
            if (vm.currentTask == null || tasks.find(vm.currentTask).map(t -> !t.status().finished()).orElse(false)) {
                return;
            }
            LOG.warnf("VM %s was still marked busy with %s by task %s, which has ended; it is freed",
                    vmId, vm.currentOperation, vm.currentTask);
            vm.currentOperation = null;
            vm.currentTask = null;
            views.publish(EventOperation.MOD, vm);
        });
    }

    /** Records that the VM's domain is gone (halted, nothing reserved) and posts a message saying why. */
    public void domainGone(Vm vm, String messageName, int priority, String why) {
        domainEnded(vm);
        messages.post(messageName, priority, Vm.CLASS, vm.id, why);
    }

    /**
     * Records, in the caller's transaction, that the VM's domain ended: the VM is halted and its VIFs
     * unattached; its disks are detached after the transaction commits ({@link DetachDisksOfEndedDomains}).
     */
    public void domainEnded(Vm vm) {
        vm.powerState = PowerState.HALTED;
        vm.clearDomain();
        devices.setVifsAttached(vm.id, false);
        ended.fire(new DomainEnded(vm.id));
    }

    HostRef hostOf(Vm vm) {
        UUID id = vm.residentOn != null ? vm.residentOn : vm.suspendedOn;
        return id == null ? null : hosts.find(id).orElse(null);
    }
}
