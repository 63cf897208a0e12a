package org.xenplane.storage.service;

import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.SR_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.SR_DEVICE_CONFIG_INVALID;
import static org.xenplane.core.error.ErrorCode.VDI_IN_USE;

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
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Vbd;

/** The operations on PBDs (XenAPI {@code PBD.*}): an SR's attachment to one host. */
public enum PbdOperation implements DeclaredOperation {
    READ(OperationSpec.reads("pbd.read", Role.READ_ONLY)),
    PLUG(OperationSpec.changes("pbd.plug", Role.POOL_OPERATOR).in("unplugged")
            .raises(OPERATION_NOT_ALLOWED, SR_DEVICE_CONFIG_INVALID, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    UNPLUG(OperationSpec.changes("pbd.unplug", Role.POOL_OPERATOR).in("plugged")
            .raises(OPERATION_NOT_ALLOWED, VDI_IN_USE, SR_BACKEND_FAILURE, HOST_OFFLINE));

    private final OperationSpec spec;

    PbdOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /**
     * A PBD and what uses it now.
     *
     * @param inUse a VBD attached on the PBD's host to a disk of its SR (it holds the PBD plugged), or null
     */
    public record State(Pbd pbd, Vbd inUse) {
    }

    public Optional<XenplaneException> refusal(State s) {
        Pbd pbd = s.pbd();
        return switch (this) {
            case PLUG -> pbd.currentlyAttached ? notAllowed("the PBD is already plugged") : Optional.empty();
            case UNPLUG -> !pbd.currentlyAttached ? notAllowed("the PBD is not plugged")
                    : s.inUse() == null ? Optional.empty()
                    : Optional.of(new XenplaneException(ErrorCode.VDI_IN_USE, s.inUse().vdiId, s.inUse().vmId));
            case READ -> Optional.empty();
        };
    }

    public void assertAllowed(State s) {
        refusal(s).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(State s) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op.refusal(s).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    private Optional<XenplaneException> notAllowed(String reason) {
        return Optional.of(new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, id(), reason));
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet pbdOperations() {
            return OperationSet.of(values());
        }
    }
}
