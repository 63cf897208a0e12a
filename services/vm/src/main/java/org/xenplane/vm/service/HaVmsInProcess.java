package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.ha.HaVms;
import org.xenplane.vm.model.Vm;

/**
 * The VM service's side of core's {@link HaVms} seam, in process (the all-in-one server): reads of
 * its own {@code vm} table, and the VM service's own power-state reset and start paths, so that a
 * failover is recorded and placed exactly as an operator's reset and start would be.
 */
@ApplicationScoped
public class HaVmsInProcess implements HaVms {
    private final ShutdownOperations shutdowns;
    private final StartOperations starts;

    public HaVmsInProcess(ShutdownOperations shutdowns, StartOperations starts) {
        this.shutdowns = shutdowns;
        this.starts = starts;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public List<HaVm> residentOn(UUID hostId) {
        return QuarkusTransaction.requiringNew().call(() -> Vm.<Vm>list(
                "residentOn = ?1 and isATemplate = false and isASnapshot = false", hostId)
                .stream().map(HaVmsInProcess::of).toList());
    }

    @Override
    public List<HaVm> find(Collection<UUID> vmIds) {
        if (vmIds.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> Vm.<Vm>list("id in ?1", List.copyOf(vmIds))
                .stream().map(HaVmsInProcess::of).toList());
    }

    @Override
    public void resetPowerState(UUID vmId, UUID hostId, String caller) {
        boolean stillThere = find(List.of(vmId)).stream().anyMatch(v -> hostId.equals(v.residentOn()));
        if (stillThere) {
            shutdowns.resetPowerState(vmId, true, caller, null);
        }
    }

    @Override
    public UUID start(UUID vmId, String caller, String idempotencyKey) {
        return starts.restartAfterHostFailure(vmId, caller, idempotencyKey).id();
    }

    private static HaVm of(Vm vm) {
        return new HaVm(vm.id, vm.name, vm.haRestartPriority, vm.haOrder, vm.haStartDelaySeconds,
                vm.powerState.wireName(), vm.residentOn, vm.currentOperation != null);
    }
}
