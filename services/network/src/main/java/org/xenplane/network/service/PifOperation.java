package org.xenplane.network.service;

import static org.xenplane.core.error.ErrorCode.DEVICE_BUSY;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.NETWORK_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.PIF_ALREADY_BONDED;
import static org.xenplane.core.error.ErrorCode.PIF_IS_MANAGEMENT_INTERFACE;

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
import org.xenplane.network.model.Pif;

/** The operations on PIFs (XenAPI {@code PIF.*}). */
public enum PifOperation implements DeclaredOperation {
    READ(OperationSpec.reads("pif.read", Role.READ_ONLY)),
    /** Reads a host's interfaces from its daemon now and brings its PIFs up to date (also done periodically). */
    SCAN(OperationSpec.changes("pif.scan", Role.POOL_OPERATOR)
            .raises(NETWORK_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Refused on the management interface (PIF_IS_MANAGEMENT_INTERFACE) and on bond members (PIF_ALREADY_BONDED). */
    RECONFIGURE_IP(OperationSpec.changes("pif.reconfigure_ip", Role.POOL_OPERATOR)
            .raises(PIF_IS_MANAGEMENT_INTERFACE, PIF_ALREADY_BONDED, DEVICE_BUSY,
                    NETWORK_BACKEND_FAILURE, HOST_OFFLINE));

    private final OperationSpec spec;

    PifOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The host's name is not known here: errors name the host by id. */
    public Optional<XenplaneException> refusal(Pif pif) {
        if (this != RECONFIGURE_IP) {
            return Optional.empty();
        }
        if (pif.management) {
            return Optional.of(new XenplaneException(ErrorCode.PIF_IS_MANAGEMENT_INTERFACE, pif.hostId, pif.device));
        }
        if (pif.bondSlaveOf != null) {
            return Optional.of(new XenplaneException(ErrorCode.PIF_ALREADY_BONDED, pif.id));
        }
        return Optional.empty();
    }

    public void assertAllowed(Pif pif) {
        refusal(pif).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(Pif pif) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op != SCAN && op.refusal(pif).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet pifOperations() {
            return OperationSet.of(values());
        }
    }
}
