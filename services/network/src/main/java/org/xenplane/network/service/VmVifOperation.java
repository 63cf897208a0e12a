package org.xenplane.network.service;

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
    ENSURE(OperationSpec.changes("vif.ensure_vm", Role.VM_OPERATOR)),
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
