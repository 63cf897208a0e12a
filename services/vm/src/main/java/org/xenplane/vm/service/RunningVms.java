package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.daemon.DaemonHost;
import org.xenplane.core.daemon.DomainDaemonClient;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.network.Nic;
import org.xenplane.core.storage.VmDisk;
import org.xenplane.core.vm.VmDomains;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * The VM service's answer to the network and storage services ({@link VmDomains}): whether a VM
 * exists and where it runs, and hot-plugging NICs and disks into its domain through the host's
 * daemon. A VM busy with an operation of its own (a migration, a shutdown) takes no hot-plug:
 * {@code OTHER_OPERATION_IN_PROGRESS}.
 */
@ApplicationScoped
public class RunningVms implements VmDomains {
    private final Hosts hosts;
    private final DomainDaemonClient daemons;

    public RunningVms(Hosts hosts, DomainDaemonClient daemons) {
        this.hosts = hosts;
        this.daemons = daemons;
    }

    @Override
    public boolean exists(UUID vmId) {
        return QuarkusTransaction.joiningExisting().call(() -> Vm.findById(vmId) != null);
    }

    @Override
    public Optional<UUID> residentHost(UUID vmId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Vm vm = Vm.findById(vmId);
            return vm != null && (vm.powerState == PowerState.RUNNING || vm.powerState == PowerState.PAUSED)
                    ? Optional.ofNullable(vm.residentOn) : Optional.empty();
        });
    }

    @Override
    public boolean attachingDisks(UUID vmId) {
        return QuarkusTransaction.joiningExisting().call(() -> VmOperation.attachesDisks(
                Vm.find("select v.currentOperation from Vm v where v.id = ?1", vmId).project(String.class).firstResult()));
    }

    @Override
    public String powerState(UUID vmId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Vm vm = Vm.findById(vmId);
            return vm == null ? PowerState.HALTED.wireName() : vm.powerState.wireName();
        });
    }

    @Override
    public void plugNic(UUID vmId, UUID hostId, Nic nic) {
        domainOf(vmId, hostId).plugNic(operationId("nic-plug"), vmId, VmDevices.nic(nic));
    }

    @Override
    public void unplugNic(UUID vmId, UUID hostId, Nic nic) {
        domainOf(vmId, hostId).unplugNic(operationId("nic-unplug"), vmId, nic.mac());
    }

    @Override
    public void plugDisk(UUID vmId, UUID hostId, VmDisk disk) {
        domainOf(vmId, hostId).plugDisk(operationId("disk-plug"), vmId, disk.spec());
    }

    @Override
    public void unplugDisk(UUID vmId, UUID hostId, String device) {
        domainOf(vmId, hostId).unplugDisk(operationId("disk-unplug"), vmId, device);
    }

    @Override
    public void changeMedium(UUID vmId, UUID hostId, VmDisk medium) {
        domainOf(vmId, hostId).changeMedium(operationId("medium-change"), vmId, medium.spec());
    }

    /** The daemon of the host the VM runs on, once it is clear that the VM is idle there. */
    private DaemonHost domainOf(UUID vmId, UUID hostId) {
        HostRef host = QuarkusTransaction.joiningExisting().call(() -> {
            Vm vm = VmService.find(vmId);
            if (vm.currentOperation != null) {
                throw new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Vm.CLASS, vmId, vm.currentOperation);
            }
            if (!hostId.equals(vm.residentOn)) {
                throw new XenplaneException(ErrorCode.VM_BAD_POWER_STATE, vmId, PowerState.RUNNING.wireName(),
                        vm.powerState.wireName());
            }
            return hosts.require(hostId);
        });
        return daemons.host(host);
    }

    private static String operationId(String what) {
        return what + "/" + UUID.randomUUID();
    }
}
