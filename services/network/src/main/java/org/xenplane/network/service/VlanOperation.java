package org.xenplane.network.service;

import static org.xenplane.core.error.ErrorCode.BRIDGE_IN_USE;
import static org.xenplane.core.error.ErrorCode.CANNOT_ADD_VLAN_TO_BOND_SLAVE;
import static org.xenplane.core.error.ErrorCode.DEVICE_BUSY;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.MTU_INVALID;
import static org.xenplane.core.error.ErrorCode.NETWORK_ALREADY_CONNECTED;
import static org.xenplane.core.error.ErrorCode.NETWORK_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.PIF_UNKNOWN_DEVICE;
import static org.xenplane.core.error.ErrorCode.VLAN_TAG_INVALID;
import static org.xenplane.core.error.ErrorCode.VLAN_TAG_IN_USE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/**
 * The operations on VLANs (XenAPI {@code VLAN.*} and {@code pool.create_VLAN}). A VLAN may always
 * be destroyed as far as its record goes; its host's daemon refuses (BRIDGE_IN_USE) while VIFs
 * are attached to its bridge there.
 */
public enum VlanOperation implements DeclaredOperation {
    READ(OperationSpec.reads("vlan.read", Role.READ_ONLY)),
    /** On every host of the pool that has the device: a task (202). */
    CREATE(OperationSpec.changes("vlan.create", Role.POOL_OPERATOR)
            .raises(VLAN_TAG_INVALID, PIF_UNKNOWN_DEVICE, VLAN_TAG_IN_USE, NETWORK_ALREADY_CONNECTED,
                    CANNOT_ADD_VLAN_TO_BOND_SLAVE, MTU_INVALID, DEVICE_BUSY, BRIDGE_IN_USE, NETWORK_BACKEND_FAILURE,
                    HOST_OFFLINE)),
    DESTROY(OperationSpec.changes("vlan.destroy", Role.POOL_OPERATOR)
            .raises(BRIDGE_IN_USE, DEVICE_BUSY, NETWORK_BACKEND_FAILURE, HOST_OFFLINE));

    private final OperationSpec spec;

    VlanOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The operations allowed on a VLAN (its {@code allowedOperations}). */
    public static List<String> allowed() {
        return List.of("destroy");
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet vlanOperations() {
            return OperationSet.of(values());
        }
    }
}
