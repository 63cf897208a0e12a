package org.xenplane.network.service;

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
import org.xenplane.network.model.Bond;

/** The operations on bonds (XenAPI {@code Bond.*}). */
public enum BondOperation implements DeclaredOperation {
    READ(OperationSpec.reads("bond.read", Role.READ_ONLY)),
    CREATE(OperationSpec.changes("bond.create", Role.POOL_OPERATOR)),
    /** Refused while VLANs use the bond (PIF_IN_USE). */
    DESTROY(OperationSpec.changes("bond.destroy", Role.POOL_OPERATOR));

    private final OperationSpec spec;

    BondOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** @param vlansOnMaster how many VLANs have the bond's master PIF as their tagged PIF */
    public Optional<XenplaneException> refusal(Bond bond, long vlansOnMaster) {
        if (this == DESTROY && vlansOnMaster > 0) {
            return Optional.of(new XenplaneException(ErrorCode.PIF_IN_USE, bond.masterPifId, vlansOnMaster + " VLANs use the bond"));
        }
        return Optional.empty();
    }

    public void assertAllowed(Bond bond, long vlansOnMaster) {
        refusal(bond, vlansOnMaster).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(Bond bond, long vlansOnMaster) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op != CREATE && op.refusal(bond, vlansOnMaster).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet bondOperations() {
            return OperationSet.of(values());
        }
    }
}
