package org.xenplane.storage.service;

import static org.xenplane.core.error.ErrorCode.DEFAULT_SR_NOT_SET;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.OTHER_OPERATION_IN_PROGRESS;
import static org.xenplane.core.error.ErrorCode.SR_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.SR_FULL;
import static org.xenplane.core.error.ErrorCode.SR_HAS_NO_PBDS;
import static org.xenplane.core.error.ErrorCode.SR_NOT_ATTACHED;
import static org.xenplane.core.error.ErrorCode.VDI_CONTENT_INVALID;
import static org.xenplane.core.error.ErrorCode.VDI_IN_USE;
import static org.xenplane.core.error.ErrorCode.VDI_MISSING;
import static org.xenplane.core.error.ErrorCode.VDI_READ_ONLY;
import static org.xenplane.core.error.ErrorCode.VDI_TOO_SMALL;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;
import org.xenplane.storage.model.Vdi;

/**
 * The operations on VDIs (XenAPI {@code VDI.*}) with XenServer's default roles, and the state
 * rule: hidden bases take no operation, a VDI held by a long operation takes no other, and
 * what a VM has attached may not be destroyed, overwritten or forked underneath it.
 */
public enum VdiOperation implements DeclaredOperation {
    READ(OperationSpec.reads("vdi.read", Role.READ_ONLY)),
    CREATE(OperationSpec.changes("vdi.create", Role.VM_ADMIN)
            .raises(SR_FULL, SR_HAS_NO_PBDS, SR_NOT_ATTACHED, SR_BACKEND_FAILURE, HOST_OFFLINE, DEFAULT_SR_NOT_SET)),
    DESTROY(OperationSpec.changes("vdi.destroy", Role.VM_ADMIN).in("detached")
            .raises(VDI_IN_USE, VDI_READ_ONLY, OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, SR_NOT_ATTACHED,
                    VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Grows the disk (offline: the VM service resizes attached disks through the hypervisor). */
    RESIZE(OperationSpec.changes("vdi.resize", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, VDI_READ_ONLY, OTHER_OPERATION_IN_PROGRESS, SR_FULL,
                    SR_NOT_ATTACHED, VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    SNAPSHOT(OperationSpec.changes("vdi.snapshot", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, SR_FULL, SR_NOT_ATTACHED, VDI_MISSING,
                    SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** A copy-on-write clone. */
    CLONE(OperationSpec.changes("vdi.clone", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, OTHER_OPERATION_IN_PROGRESS, SR_FULL, SR_NOT_ATTACHED, VDI_MISSING,
                    SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** A full copy, to the same or another SR. */
    COPY(OperationSpec.changes("vdi.copy", Role.VM_ADMIN).in("detached", "attached read-only")
            .raises(OPERATION_NOT_ALLOWED, VDI_IN_USE, OTHER_OPERATION_IN_PROGRESS, SR_FULL,
                    SR_HAS_NO_PBDS, SR_NOT_ATTACHED, VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    IMPORT(OperationSpec.changes("vdi.import", Role.VM_ADMIN).in("detached")
            .raises(OPERATION_NOT_ALLOWED, VDI_TOO_SMALL, VDI_CONTENT_INVALID, VDI_IN_USE, VDI_READ_ONLY,
                    OTHER_OPERATION_IN_PROGRESS, SR_NOT_ATTACHED, VDI_MISSING, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    EXPORT(OperationSpec.changes("vdi.export", Role.VM_ADMIN).in("detached", "attached read-only")
            .raises(OPERATION_NOT_ALLOWED, VDI_IN_USE, OTHER_OPERATION_IN_PROGRESS, SR_NOT_ATTACHED, VDI_MISSING,
                    SR_BACKEND_FAILURE, HOST_OFFLINE));

    private final OperationSpec spec;

    VdiOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /**
     * A VDI and its attachments now.
     *
     * @param attachedBy  a VM that has it attached, or is attaching it (a start or resume under way), or null
     * @param attachedRw  whether some VM has it attached, or is attaching it, read-write
     */
    public record State(Vdi vdi, UUID attachedBy, boolean attachedRw) {
    }

    public Optional<XenplaneException> refusal(State s) {
        Vdi vdi = s.vdi();
        if (this == READ || this == CREATE) {
            return Optional.empty();
        }
        if (!vdi.managed) {
            return notAllowed("a hidden base of a snapshot chain; it goes away by itself");
        }
        if (vdi.currentOperation != null) {
            return Optional.of(new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Vdi.CLASS, vdi.id, vdi.currentOperation));
        }
        return switch (this) {
            case DESTROY, IMPORT -> s.attachedBy() != null ? inUse(s) : readOnlyFor(vdi, this == IMPORT);
            case RESIZE -> s.attachedBy() != null ? notAllowed("attached to a VM; resize it offline")
                    : readOnlyFor(vdi, true);
            case SNAPSHOT, CLONE -> s.attachedBy() != null
                    ? notAllowed("attached to a running VM; live snapshots go through the VM's hypervisor") : Optional.empty();
            case COPY, EXPORT -> s.attachedRw() ? inUse(s) : Optional.empty();
            case READ, CREATE -> Optional.empty();
        };
    }

    private static Optional<XenplaneException> inUse(State s) {
        return Optional.of(new XenplaneException(ErrorCode.VDI_IN_USE, s.vdi().id, s.attachedBy()));
    }

    private static Optional<XenplaneException> readOnlyFor(Vdi vdi, boolean writes) {
        return writes && vdi.readOnly ? Optional.of(new XenplaneException(ErrorCode.VDI_READ_ONLY, vdi.id)) : Optional.empty();
    }

    public void assertAllowed(State s) {
        refusal(s).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(State s) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op != CREATE && op.refusal(s).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    private Optional<XenplaneException> notAllowed(String reason) {
        return Optional.of(new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, id(), reason));
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet vdiOperations() {
            return OperationSet.of(values());
        }
    }
}
