package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.task.TaskContext;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.service.Steps.Step;

/**
 * Start, start on a host, and resume. Admission (in the request) claims the VM and reserves its
 * memory on a host in one transaction. Then the steps: attach the VM's disks on the host (the
 * storage service decides there that no other running VM holds one read-write), make its networks'
 * bridges exist there, build the domain (from nothing, or from the
 * suspend image; the host builds it paused and unpauses it unless asked not to, as xl does, and
 * destroys what it built if that fails), then record the VM running. A failed step undoes the
 * steps before (the domain is destroyed) and releases the reservation; a failed resume leaves
 * the suspend image in place and the VM suspended.
 */
@ApplicationScoped
public class StartOperations {
    private final ClaimedTasks claimed;
    private final Placement placement;
    private final VmDevices devices;

    public StartOperations(ClaimedTasks claimed, Placement placement, VmDevices devices) {
        this.claimed = claimed;
        this.placement = placement;
        this.devices = devices;
    }

    public TaskView start(UUID vmId, UUID onHost, boolean paused, String caller, String key) {
        VmOperation operation = onHost == null ? VmOperation.START : VmOperation.START_ON;
        VmTransactions.Reservation reservation = onHost == null ? placement::reserveAnywhere
                : (vm, need, filled) -> placement.reserveOn(onHost, vm, need);
        return claimed.submit(operation, vmId, caller, key, reservation,
                (claim, context) -> build(claim, context, paused, false));
    }

    /**
     * HA's restart of a protected VM whose host was declared dead: a start anywhere that the failover
     * plan does not hold back (the restart is the plan being carried out).
     */
    public TaskView restartAfterHostFailure(UUID vmId, String caller, String key) {
        return claimed.submit(VmOperation.START, vmId, caller, key, placement::reserveForFailover,
                (claim, context) -> build(claim, context, false, false));
    }

    public TaskView resume(UUID vmId, boolean paused, String caller, String key) {
        return claimed.submit(VmOperation.RESUME, vmId, caller, key,
                (vm, need, filled) -> placement.reserveOn(vm.suspendedOn, vm, need),
                (claim, context) -> build(claim, context, paused, true));
    }

    private void build(Claim claim, TaskContext context, boolean paused, boolean fromImage) throws Exception {
        DaemonHost daemon = claimed.daemon(claim.target());
        UUID host = claim.target().id();
        AtomicReference<DomainSpec> spec = new AtomicReference<>(claim.spec());
        AtomicReference<DomainResult> domain = new AtomicReference<>();
        List<Step> steps = List.of(
                // a halted VM holds no disks: whatever is still marked attached is left over from a domain that ended
                Step.of("vbd_attach", () -> {
                    if (claim.before() == PowerState.HALTED) {
                        devices.detachDisks(claim.vmId(), claim.op("vbd_detach_stale"));
                    }
                    spec.set(devices.attachDisks(spec.get(), host, claim.op("vbd_attach")));
                }, () -> devices.detachDisks(claim.vmId(), claim.op("vbd_detach"))),
                Step.of("networks_ensure", () -> spec.set(devices.ensureNetworks(spec.get(), host))),
                fromImage
                        // a failed restore leaves the image where it was: the VM stays suspended
                        ? Step.of("domain_restore", () -> domain.set(daemon.restore(claim.op("domain_restore"), spec.get(), paused)))
                        : Step.of("domain_create", () -> domain.set(daemon.create(claim.op("domain_create"), spec.get(), paused)),
                                () -> daemon.destroy(claim.op("domain_destroy"), claim.vmId())),
                Step.record("record_running", () -> claimed.transactions().succeed(claim, context, vm -> {
                    ClaimedTasks.resident(vm, claim.target(), domain.get(), paused ? PowerState.PAUSED : PowerState.RUNNING);
                    devices.setVifsAttached(vm.id, true);
                })));
        try {
            Steps.run(context, steps);
        } catch (Exception e) {
            claimed.transactions().finish(claim, vm -> {
                vm.scheduledTo = null;
                vm.memoryReserved = 0;
            });
            throw e;
        }
    }
}
