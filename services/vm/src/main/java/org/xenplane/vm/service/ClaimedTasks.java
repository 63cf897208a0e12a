package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.daemon.DomainDaemonClient;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskAdmission;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.core.task.TaskWork;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * Runs a VM lifecycle operation as a task on a claimed VM: admission claims the VM (the check, the
 * reservation and the mark "in progress", in {@link VmTransactions}), the work runs with the claim,
 * and the claim is released however the work ends. The start, shutdown, domain and migrate
 * operations, and live updates, all run through it.
 */
@ApplicationScoped
public class ClaimedTasks {
    private final TaskRunner tasks;
    private final VmTransactions store;
    private final DomainDaemonClient daemons;

    public ClaimedTasks(TaskRunner tasks, VmTransactions store, DomainDaemonClient daemons) {
        this.tasks = tasks;
        this.store = store;
        this.daemons = daemons;
    }

    /** Operations that reserve nothing. */
    public static final VmTransactions.Reservation NO_RESERVATION = (vm, need, filled) -> null;

    /** What an operation does once its VM is claimed. */
    @FunctionalInterface
    public interface ClaimedWork {
        void run(Claim claim, TaskContext context) throws Exception;
    }

    /**
     * A long operation (202): admitted at once (claim and reservation, or a 409), then run in the
     * background. {@code key} is the client's Idempotency-Key.
     */
    public TaskView submit(VmOperation operation, UUID vmId, String caller, String key, VmTransactions.Reservation reservation,
                           ClaimedWork work) {
        AtomicReference<Claim> claim = new AtomicReference<>();
        Set<UUID> filled = new HashSet<>();
        TaskAdmission admission = taskId -> claim.set(store.claimInCurrentTransaction(vmId, operation, taskId,
                reservation, filled));
        TaskWork body = context -> {
            try {
                work.run(claim.get(), context);
            } finally {
                store.releaseIfClaimed(claim.get());
            }
            return TaskResult.of(Vm.CLASS, vmId);
        };
        return tasks.submit(new TaskRequest(operation, Vm.CLASS, vmId, key), caller, admission, body);
    }

    /** A quick operation (200): claimed and done in the request. */
    public TaskView run(VmOperation operation, UUID vmId, String caller, String key, ClaimedWork work) {
        return tasks.run(new TaskRequest(operation, Vm.CLASS, vmId, key), caller, context -> {
            Claim claim = store.claim(vmId, operation, context.taskId(), NO_RESERVATION);
            try {
                work.run(claim, context);
            } finally {
                store.releaseIfClaimed(claim);
            }
            return TaskResult.of(Vm.CLASS, vmId);
        });
    }

    public DaemonHost daemon(HostRef host) {
        return daemons.host(host);
    }

    public VmTransactions transactions() {
        return store;
    }

    /**
     * After a failed step: a domain that turned out to be gone makes the VM halted (with a message)
     * and the error {@code VM_MISSING}; anything else leaves the VM as it was. The claim ends either way.
     */
    public XenplaneException failed(Claim claim, XenplaneException e) {
        if (DaemonErrors.domainMissing(e) && claim.host() != null) {
            store.finish(claim, vm -> store.domainGone(vm, "VM_DOMAIN_VANISHED", 2,
                    "The domain of this VM was not on host " + claim.host().name() + " when " + claim.operation().id()
                            + " needed it; the VM is now halted."));
            return DaemonErrors.missing(claim.vmId(), claim.host().id());
        }
        store.finish(claim, vm -> { });
        return e;
    }

    /** The VM runs (or is paused) on {@code host} as the daemon reported in {@code result}. */
    public static void resident(Vm vm, HostRef host, DomainResult result, PowerState state) {
        vm.powerState = state;
        vm.residentOn = host.id();
        vm.scheduledTo = null;
        vm.suspendedOn = null;
        metrics(vm, result);
    }

    public static void metrics(Vm vm, DomainResult result) {
        DomainInfo domain = result.domain();
        if (domain != null) {
            vm.domid = domain.domid();
            vm.startTime = domain.startedAt();
            vm.vcpusOnline = domain.vcpusOnline();
            vm.memoryActual = domain.memoryActual();
        }
        vm.hostGeneration = result.generation();
    }

    /** The VM is halted: no domain, nothing reserved, no suspend image. */
    public static void halted(Vm vm) {
        vm.powerState = PowerState.HALTED;
        vm.suspendedOn = null;
        vm.clearDomain();
    }
}
