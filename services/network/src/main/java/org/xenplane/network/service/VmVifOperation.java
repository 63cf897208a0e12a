package org.xenplane.network.service;

import static org.xenplane.core.error.ErrorCode.BRIDGE_MISSING;
import static org.xenplane.core.error.ErrorCode.DEVICE_BUSY;
import static org.xenplane.core.error.ErrorCode.HOST_CANNOT_ATTACH_NETWORK;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.NETWORK_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.PIF_IS_MANAGEMENT_INTERFACE;
import static org.xenplane.core.error.ErrorCode.PIF_UNKNOWN_DEVICE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/**
 * The network halves of VM operations, on all of a VM's VIFs at once: what a VM service in another
 * process calls ({@code /api/v1/vm-vifs}, core's {@code NetworkingOverRest}) and the in-process
 * VM service does through {@link NetworkingForVms}. The roles are those of the VM operations they
 * serve (the VM service's credential acts as vm-power-admin).
 */
public enum VmVifOperation implements DeclaredOperation {
    /** The VM's NICs, each with its network's bridge. */
    NICS(OperationSpec.reads("vif.nics_vm", Role.VM_OPERATOR)),
    /** Network half of VM start, resume and migration: the VM's networks' bridges on a host. */
    ENSURE(OperationSpec.changes("vif.ensure_vm", Role.VM_OPERATOR).raises(HOST_CANNOT_ATTACH_NETWORK, BRIDGE_MISSING,
            PIF_IS_MANAGEMENT_INTERFACE, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, NETWORK_BACKEND_FAILURE, HOST_OFFLINE)),
    /** After a VM's power state changed: its VIFs' currently-attached flags. */
    MARK_ATTACHED(OperationSpec.changes("vif.mark_vm", Role.VM_OPERATOR)),
    /** Network half of VM clone, copy and snapshot: the VM's VIFs for a new VM, with new MACs. */
    COPY(OperationSpec.changes("vif.copy_vm", Role.VM_ADMIN)),
    /** Network half of VM destroy. */
    DESTROY(OperationSpec.changes("vif.destroy_vm", Role.VM_ADMIN));

    private final OperationSpec spec;

    VmVifOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet vmVifOperations() {
            return OperationSet.of(values());
        }
    }
}
