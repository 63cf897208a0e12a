package org.xenplane.storage.service;

import static org.xenplane.core.error.ErrorCode.DEVICE_ALREADY_EXISTS;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.HYPERVISOR_ERROR;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.OTHER_OPERATION_IN_PROGRESS;
import static org.xenplane.core.error.ErrorCode.SR_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.SR_FULL;
import static org.xenplane.core.error.ErrorCode.SR_NOT_ATTACHED;
import static org.xenplane.core.error.ErrorCode.VBD_IS_EMPTY;
import static org.xenplane.core.error.ErrorCode.VBD_NOT_EMPTY;
import static org.xenplane.core.error.ErrorCode.VBD_NOT_REMOVABLE_MEDIA;
import static org.xenplane.core.error.ErrorCode.VDI_IN_USE;
import static org.xenplane.core.error.ErrorCode.VDI_MISSING;
import static org.xenplane.core.error.ErrorCode.VDI_READ_ONLY;
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
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.VbdType;

/**
 * The operations on VBDs (XenAPI {@code VBD.*}), including the storage halves of VM start and
 * stop ({@code attach_vm}, {@code detach_vm}: what the VM service calls) and of VM clone, copy,
 * snapshot and destroy ({@code clone_vm}, {@code destroy_vm}). Plug and unplug act on the VM's
 * domain and are refused (VM_BAD_POWER_STATE) while it has none.
 */
public enum VbdOperation implements DeclaredOperation {
    READ(OperationSpec.reads("vbd.read", Role.READ_ONLY)),
    CREATE(OperationSpec.changes("vbd.create", Role.VM_ADMIN)
            .raises(DEVICE_ALREADY_EXISTS, VDI_READ_ONLY, OPERATION_NOT_ALLOWED)),
    DESTROY(OperationSpec.changes("vbd.destroy", Role.VM_ADMIN).in("detached").raises(OPERATION_NOT_ALLOWED)),
    /** Storage half of VBD.plug: reserve the VDI for the VM and activate it on a host. */
    ATTACH(OperationSpec.changes("vbd.attach", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, VDI_IN_USE, VDI_READ_ONLY, SR_NOT_ATTACHED,
                    VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Storage half of VBD.unplug. */
    DETACH(OperationSpec.changes("vbd.detach", Role.VM_ADMIN).in("attached")
            .raises(OPERATION_NOT_ALLOWED, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** XenAPI VBD.plug: hot-plug into the VM's running domain. */
    PLUG(OperationSpec.changes("vbd.plug", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, VM_BAD_POWER_STATE, OTHER_OPERATION_IN_PROGRESS, VDI_IN_USE, VDI_READ_ONLY,
                    SR_NOT_ATTACHED, VDI_MISSING, SR_BACKEND_FAILURE, HYPERVISOR_ERROR, HOST_OFFLINE), true),
    /** XenAPI VBD.unplug: hot-unplug from the VM's running domain. */
    UNPLUG(OperationSpec.changes("vbd.unplug", Role.VM_ADMIN).in("attached")
            .raises(OPERATION_NOT_ALLOWED, VM_BAD_POWER_STATE, OTHER_OPERATION_IN_PROGRESS, SR_BACKEND_FAILURE,
                    HYPERVISOR_ERROR, HOST_OFFLINE), true),
    INSERT(OperationSpec.changes("vbd.insert", Role.VM_OPERATOR).in("empty")
            .raises(VBD_NOT_EMPTY, VBD_NOT_REMOVABLE_MEDIA, VDI_IN_USE, OTHER_OPERATION_IN_PROGRESS,
                    HYPERVISOR_ERROR, HOST_OFFLINE)),
    EJECT(OperationSpec.changes("vbd.eject", Role.VM_OPERATOR).in("not empty")
            .raises(VBD_IS_EMPTY, VBD_NOT_REMOVABLE_MEDIA, OTHER_OPERATION_IN_PROGRESS, HYPERVISOR_ERROR, HOST_OFFLINE)),
    /** Storage half of VM start: every VBD of a VM at once (VbdAttach steps). */
    ATTACH_VM(OperationSpec.changes("vbd.attach_vm", Role.VM_OPERATOR)
            .raises(OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, VDI_IN_USE, VDI_READ_ONLY,
                    SR_NOT_ATTACHED, VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Storage half of VM shutdown (VbdDetach steps). */
    DETACH_VM(OperationSpec.changes("vbd.detach_vm", Role.VM_OPERATOR)
            .raises(SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Storage half of VM migration: activate on the destination, then record there or undo. */
    MOVE_VM(OperationSpec.changes("vbd.move_vm", Role.VM_POWER_ADMIN)
            .raises(SR_NOT_ATTACHED, VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Storage half of VM clone, copy and snapshot: the VM's disks for a new VM. */
    CLONE_VM(OperationSpec.changes("vbd.clone_vm", Role.VM_ADMIN)
            .raises(OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, SR_FULL, SR_NOT_ATTACHED,
                    VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Which of a list of VMs have a disk attached now (the VM service's views and refusals of snapshot and clone). */
    ATTACHED_VMS(OperationSpec.reads("vbd.attached_vms", Role.READ_ONLY)),
    /** Storage half of VM destroy: its VBDs, and its disks on request. */
    DESTROY_VM(OperationSpec.changes("vbd.destroy_vm", Role.VM_ADMIN)
            .raises(OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, SR_BACKEND_FAILURE,
                    HOST_OFFLINE));

    private final OperationSpec spec;
    private final boolean needsDomain;

    VbdOperation(OperationSpec spec) {
        this(spec, false);
    }

    VbdOperation(OperationSpec spec, boolean needsDomain) {
        this.spec = spec;
        this.needsDomain = needsDomain;
    }

    /** True when the operation acts on the VM's domain: a VM without one (halted, suspended) refuses it. */
    public boolean needsDomain() {
        return needsDomain;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** Why the operation may not run on the VBD of a VM with (or without) a domain now, or empty when it may. */
    public Optional<XenplaneException> refusal(Vbd vbd, VmDomain vm) {
        Optional<XenplaneException> own = refusal(vbd);
        return own.isPresent() || !needsDomain || vm.exists() ? own : Optional.of(vm.noDomain());
    }

    /** Why the operation may not run on the VBD now, for the operations that do not need the VM's domain. */
    public Optional<XenplaneException> refusal(Vbd vbd) {
        return switch (this) {
            case DESTROY -> vbd.currentlyAttached ? notAllowed("the VBD is attached; detach it first") : Optional.empty();
            case ATTACH, PLUG -> vbd.currentlyAttached ? notAllowed("the VBD is already attached") : Optional.empty();
            case DETACH, UNPLUG -> vbd.currentlyAttached ? Optional.empty() : notAllowed("the VBD is not attached");
            case INSERT -> vbd.type != VbdType.CD ? error(ErrorCode.VBD_NOT_REMOVABLE_MEDIA, vbd)
                    : vbd.empty ? Optional.empty() : error(ErrorCode.VBD_NOT_EMPTY, vbd);
            case EJECT -> vbd.type != VbdType.CD ? error(ErrorCode.VBD_NOT_REMOVABLE_MEDIA, vbd)
                    : vbd.empty ? error(ErrorCode.VBD_IS_EMPTY, vbd) : Optional.empty();
            case READ, ATTACHED_VMS, CREATE, ATTACH_VM, DETACH_VM, MOVE_VM, CLONE_VM, DESTROY_VM -> Optional.empty();
        };
    }

    /** Asserts an operation that does not need the VM's domain. */
    public void assertAllowed(Vbd vbd) {
        if (needsDomain) {
            throw new IllegalStateException(id() + " needs the VM's domain: use assertAllowed(vbd, vm)");
        }
        refusal(vbd).ifPresent(e -> {
            throw e;
        });
    }

    public void assertAllowed(Vbd vbd, VmDomain vm) {
        refusal(vbd, vm).ifPresent(e -> {
            throw e;
        });
    }

    /** The per-VBD operations allowed now (the VM-wide ones are not listed on a VBD). */
    public static List<String> allowedOn(Vbd vbd, VmDomain vm) {
        return Arrays.stream(values())
                .filter(op -> op.mutating() && op != CREATE && !op.id().endsWith("_vm") && op.refusal(vbd, vm).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    private static Optional<XenplaneException> error(ErrorCode code, Vbd vbd) {
        return Optional.of(new XenplaneException(code, vbd.id));
    }

    private Optional<XenplaneException> notAllowed(String reason) {
        return Optional.of(new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, id(), reason));
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet vbdOperations() {
            return OperationSet.of(values());
        }
    }
}
