package org.xenplane.network.service;

import static org.xenplane.core.error.ErrorCode.BRIDGE_MISSING;
import static org.xenplane.core.error.ErrorCode.DEVICE_ALREADY_EXISTS;
import static org.xenplane.core.error.ErrorCode.DEVICE_BUSY;
import static org.xenplane.core.error.ErrorCode.HOST_CANNOT_ATTACH_NETWORK;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.HYPERVISOR_ERROR;
import static org.xenplane.core.error.ErrorCode.MAC_ALREADY_IN_USE;
import static org.xenplane.core.error.ErrorCode.MAC_INVALID;
import static org.xenplane.core.error.ErrorCode.MTU_INVALID;
import static org.xenplane.core.error.ErrorCode.NETWORK_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.PIF_IS_MANAGEMENT_INTERFACE;
import static org.xenplane.core.error.ErrorCode.PIF_UNKNOWN_DEVICE;
import static org.xenplane.core.error.ErrorCode.VM_BAD_POWER_STATE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;
import org.xenplane.core.vm.VmDomain;
import org.xenplane.network.model.Vif;

/**
 * The operations on VIFs (XenAPI {@code VIF.*}). Plug also needs the VM's domain (a running or
 * paused VM; VM_BAD_POWER_STATE otherwise), as the VM service answers ({@link VmDomain}); an unplug
 * from a VM that has none just records the VIF unattached.
 */
public enum VifOperation implements DeclaredOperation {
    READ(OperationSpec.reads("vif.read", Role.READ_ONLY)),
    CREATE(OperationSpec.changes("vif.create", Role.VM_ADMIN)
            .raises(MAC_INVALID, MTU_INVALID, MAC_ALREADY_IN_USE, DEVICE_ALREADY_EXISTS)),
    /** Refused while attached. */
    DESTROY(OperationSpec.changes("vif.destroy", Role.VM_ADMIN).in("detached").raises(OPERATION_NOT_ALLOWED)),
    /** Hot-plug into the running VM: refused when attached, or when the VM has no domain. */
    PLUG(OperationSpec.changes("vif.plug", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, VM_BAD_POWER_STATE, HOST_CANNOT_ATTACH_NETWORK, BRIDGE_MISSING,
                    PIF_IS_MANAGEMENT_INTERFACE, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, NETWORK_BACKEND_FAILURE,
                    HYPERVISOR_ERROR, HOST_OFFLINE)),
    /** Hot-unplug: refused when not attached. */
    UNPLUG(OperationSpec.changes("vif.unplug", Role.VM_ADMIN).in("attached")
            .raises(OPERATION_NOT_ALLOWED, VM_BAD_POWER_STATE, HYPERVISOR_ERROR, HOST_OFFLINE));

    private final OperationSpec spec;

    VifOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    public Optional<XenplaneException> refusal(Vif vif, VmDomain vm) {
        return switch (this) {
            case DESTROY -> vif.currentlyAttached ? notAllowed("the VIF is attached: unplug it first") : Optional.empty();
            case PLUG -> vif.currentlyAttached ? notAllowed("the VIF is already attached")
                    : vm.exists() ? Optional.empty() : Optional.of(vm.noDomain());
            case UNPLUG -> vif.currentlyAttached ? Optional.empty() : notAllowed("the VIF is not attached");
            case READ, CREATE -> Optional.empty();
        };
    }

    public void assertAllowed(Vif vif, VmDomain vm) {
        refusal(vif, vm).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(Vif vif, VmDomain vm) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op != CREATE && op.refusal(vif, vm).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    private Optional<XenplaneException> notAllowed(String reason) {
        return Optional.of(new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, id(), reason));
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet vifOperations() {
            return OperationSet.of(values());
        }
    }
}
