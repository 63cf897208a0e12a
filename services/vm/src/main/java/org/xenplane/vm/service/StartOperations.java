package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.service.Steps.Step;

/**
 * Start, start on a host, and resume. Admission (in the request) claims the VM and reserves its
 * memory on a host in one transaction. Then the steps: build the domain paused (from nothing, or
 * from the suspend image), unpause it unless asked not to, record the VM running. A failed start
 * undoes the steps before (the domain is destroyed) and releases the reservation; a resume that
 * fails after its domain was restored leaves the VM paused on that host, since the restored
 * domain is the only copy of its state.
 */
@ApplicationScoped
public class StartOperations {
    private final LifecycleSupport support;
    private final Placement placement;

    public StartOperations(LifecycleSupport support, Placement placement) {
        this.support = support;
        this.placement = placement;
    }

    public TaskView start(UUID vmId, UUID onHost, boolean paused, String caller, String key) {
        VmOperation operation = onHost == null ? VmOperation.START : VmOperation.START_ON;
        VmStore.Reservation reservation = onHost == null ? placement::reserveAnywhere
                : (vm, need, filled) -> placement.reserveOn(onHost, vm, need);
        return support.submit(operation, vmId, caller, key, reservation,
                (claim, context) -> build(claim, context, paused, false));
    }

    public TaskView resume(UUID vmId, boolean paused, String caller, String key) {
        return support.submit(VmOperation.RESUME, vmId, caller, key,
                (vm, need, filled) -> placement.reserveOn(vm.suspendedOn, vm, need),
                (claim, context) -> build(claim, context, paused, true));
    }

    private void build(Claim claim, TaskContext context, boolean paused, boolean fromImage) throws Exception {
        DaemonHost daemon = support.daemon(claim.target());
        AtomicReference<DomainResult> domain = new AtomicReference<>();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(fromImage ? "domain_restore" : "domain_create",
                () -> domain.set(fromImage ? daemon.restore(claim.op("domain_restore"), claim.spec(), true)
                        : daemon.create(claim.op("domain_create"), claim.spec(), true)),
                // a restored domain is the only copy of the VM's state: it is kept (paused), never destroyed
                fromImage ? () -> { } : () -> daemon.destroy(claim.op("domain_destroy"), claim.vmId())));
        if (!paused) {
            steps.add(Step.of("domain_unpause", () -> domain.set(daemon.unpause(claim.op("domain_unpause"), claim.vmId()))));
        }
        steps.add(Step.of("record_running", () -> support.store().finish(claim, vm -> LifecycleSupport.resident(vm,
                claim.target(), domain.get(), paused ? PowerState.PAUSED : PowerState.RUNNING))));
        try {
            Steps.run(context, steps);
        } catch (Exception e) {
            DomainResult restored = fromImage ? domain.get() : null;
            support.store().finish(claim, vm -> {
                if (restored != null) {
                    LifecycleSupport.resident(vm, claim.target(), restored, PowerState.PAUSED);
                } else {
                    vm.scheduledTo = null;
                    vm.memoryReserved = 0;
                }
            });
            throw e;
        }
    }
}
