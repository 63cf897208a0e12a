package org.xenplane.network.service;

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
    CREATE(OperationSpec.changes("vlan.create", Role.POOL_OPERATOR)),
    DESTROY(OperationSpec.changes("vlan.destroy", Role.POOL_OPERATOR));

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
