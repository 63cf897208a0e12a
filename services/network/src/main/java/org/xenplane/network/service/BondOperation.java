package org.xenplane.network.service;

import static org.xenplane.core.error.ErrorCode.BRIDGE_IN_USE;
import static org.xenplane.core.error.ErrorCode.DEVICE_BUSY;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.MAC_INVALID;
import static org.xenplane.core.error.ErrorCode.NETWORK_ALREADY_CONNECTED;
import static org.xenplane.core.error.ErrorCode.NETWORK_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.PIF_ALREADY_BONDED;
import static org.xenplane.core.error.ErrorCode.PIF_BOND_NEEDS_MORE_MEMBERS;
import static org.xenplane.core.error.ErrorCode.PIF_CANNOT_BOND_CROSS_HOST;
import static org.xenplane.core.error.ErrorCode.PIF_IN_USE;
import static org.xenplane.core.error.ErrorCode.PIF_IS_MANAGEMENT_INTERFACE;
import static org.xenplane.core.error.ErrorCode.PIF_IS_VLAN;
import static org.xenplane.core.error.ErrorCode.PIF_UNKNOWN_DEVICE;

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
    CREATE(OperationSpec.changes("bond.create", Role.POOL_OPERATOR)
            .raises(MAC_INVALID, PIF_BOND_NEEDS_MORE_MEMBERS, PIF_CANNOT_BOND_CROSS_HOST,
                    PIF_ALREADY_BONDED, PIF_IS_VLAN, PIF_IN_USE, PIF_IS_MANAGEMENT_INTERFACE,
                    NETWORK_ALREADY_CONNECTED, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, BRIDGE_IN_USE,
                    NETWORK_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Refused while VLANs use the bond (PIF_IN_USE). */
    DESTROY(OperationSpec.changes("bond.destroy", Role.POOL_OPERATOR)
            .raises(PIF_IN_USE, BRIDGE_IN_USE, DEVICE_BUSY, NETWORK_BACKEND_FAILURE, HOST_OFFLINE));

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
