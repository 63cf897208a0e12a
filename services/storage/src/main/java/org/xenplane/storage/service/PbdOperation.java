package org.xenplane.storage.service;

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

/** The operations on PBDs (XenAPI {@code PBD.*}): an SR's attachment to one host. */
public enum PbdOperation implements DeclaredOperation {
    READ(OperationSpec.reads("pbd.read", Role.READ_ONLY)),
    PLUG(OperationSpec.changes("pbd.plug", Role.POOL_OPERATOR)),
    UNPLUG(OperationSpec.changes("pbd.unplug", Role.POOL_OPERATOR));

    private final OperationSpec spec;

    PbdOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    public Optional<XenplaneException> refusal(Pbd pbd) {
        return switch (this) {
            case PLUG -> pbd.currentlyAttached ? notAllowed("the PBD is already plugged") : Optional.empty();
            case UNPLUG -> pbd.currentlyAttached ? Optional.empty() : notAllowed("the PBD is not plugged");
            case READ -> Optional.empty();
        };
    }

    public void assertAllowed(Pbd pbd) {
        refusal(pbd).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(Pbd pbd) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op.refusal(pbd).isEmpty())
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
