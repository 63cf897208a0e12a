package org.xenplane.vm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.vm.model.PowerState;

/** Pause and unpause (quick: done in the request) and suspend (long: 202). */
@ApplicationScoped
public class DomainOperations {
    private final ClaimedTasks claimed;
    private final VmDevices devices;

    public DomainOperations(ClaimedTasks claimed, VmDevices devices) {
        this.claimed = claimed;
        this.devices = devices;
    }

    public TaskView pause(UUID vmId, String caller, String key) {
        return claimed.run(VmOperation.PAUSE, vmId, caller, key, (claim, context) -> {
            DomainResult result = onDomain(claim, () -> claimed.daemon(claim.host()).pause(claim.op("domain_pause"), vmId));
            claimed.transactions().succeed(claim, context, vm -> {
                vm.powerState = PowerState.PAUSED;
                ClaimedTasks.metrics(vm, result);
            });
        });
    }

    public TaskView unpause(UUID vmId, String caller, String key) {
        return claimed.run(VmOperation.UNPAUSE, vmId, caller, key, (claim, context) -> {
            DomainResult result = onDomain(claim, () -> claimed.daemon(claim.host()).unpause(claim.op("domain_unpause"), vmId));
            claimed.transactions().succeed(claim, context, vm -> {
                vm.powerState = PowerState.RUNNING;
                ClaimedTasks.metrics(vm, result);
            });
        });
    }

    /**
     * Saves the domain to an image on its host and destroys it; its memory reservation is released,
     * its disks are detached and its VIFs are no longer attached (resume attaches them again).
     */
    public TaskView suspend(UUID vmId, String caller, String key) {
        return claimed.submit(VmOperation.SUSPEND, vmId, caller, key, ClaimedTasks.NO_RESERVATION,
                (claim, context) -> {
                    onDomain(claim, () -> claimed.daemon(claim.host()).suspend(claim.op("domain_suspend"), vmId));
                    devices.detachDisks(vmId, claim.op("vbd_detach"));
                    claimed.transactions().succeed(claim, context, vm -> {
                        devices.setVifsAttached(vmId, false);
                        UUID host = vm.residentOn;
                        vm.clearDomain();
                        vm.powerState = PowerState.SUSPENDED;
                        vm.suspendedOn = host;
                    });
                });
    }

    private DomainResult onDomain(Claim claim, java.util.function.Supplier<DomainResult> call) {
        try {
            return call.get();
        } catch (XenplaneException e) {
            throw claimed.failed(claim, e);
        }
    }
}
