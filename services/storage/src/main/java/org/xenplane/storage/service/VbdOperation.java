package org.xenplane.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.network.VmDomain;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;
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
    CREATE(OperationSpec.changes("vbd.create", Role.VM_ADMIN)),
    DESTROY(OperationSpec.changes("vbd.destroy", Role.VM_ADMIN)),
    /** Storage half of VBD.plug: reserve the VDI for the VM and activate it on a host. */
    ATTACH(OperationSpec.changes("vbd.attach", Role.VM_ADMIN)),
    /** Storage half of VBD.unplug. */
    DETACH(OperationSpec.changes("vbd.detach", Role.VM_ADMIN)),
    /** XenAPI VBD.plug: hot-plug into the VM's running domain. */
    PLUG(OperationSpec.changes("vbd.plug", Role.VM_ADMIN), true),
    /** XenAPI VBD.unplug: hot-unplug from the VM's running domain. */
    UNPLUG(OperationSpec.changes("vbd.unplug", Role.VM_ADMIN), true),
    INSERT(OperationSpec.changes("vbd.insert", Role.VM_OPERATOR)),
    EJECT(OperationSpec.changes("vbd.eject", Role.VM_OPERATOR)),
    /** Storage half of VM start: every VBD of a VM at once (VbdAttach steps). */
    ATTACH_VM(OperationSpec.changes("vbd.attach_vm", Role.VM_OPERATOR)),
    /** Storage half of VM shutdown (VbdDetach steps). */
    DETACH_VM(OperationSpec.changes("vbd.detach_vm", Role.VM_OPERATOR)),
    /** Storage half of VM migration: activate on the destination, then record there or undo. */
    MOVE_VM(OperationSpec.changes("vbd.move_vm", Role.VM_POWER_ADMIN)),
    /** Storage half of VM clone, copy and snapshot: the VM's disks for a new VM. */
    CLONE_VM(OperationSpec.changes("vbd.clone_vm", Role.VM_ADMIN)),
    /** Storage half of VM destroy: its VBDs, and its disks on request. */
    DESTROY_VM(OperationSpec.changes("vbd.destroy_vm", Role.VM_ADMIN));

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
            case READ, CREATE, ATTACH_VM, DETACH_VM, MOVE_VM, CLONE_VM, DESTROY_VM -> Optional.empty();
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
