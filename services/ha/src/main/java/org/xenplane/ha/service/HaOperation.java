package org.xenplane.ha.service;

import static org.xenplane.core.error.ErrorCode.HA_CONFIG_INVALID;
import static org.xenplane.core.error.ErrorCode.HA_IS_ENABLED;
import static org.xenplane.core.error.ErrorCode.HA_NOT_ENABLED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/**
 * The operations on the pool's HA, declared once (XenAPI {@code pool.enable_ha},
 * {@code pool.disable_ha}, {@code pool.set_ha_allow_overcommit}): the least role (XenServer's
 * pool-operator), the HA state each is allowed in ({@code enabled} or {@code disabled}) and the errors
 * it raises. The REST layer's role check, the OpenAPI document and docs/api.md read this.
 */
public enum HaOperation implements DeclaredOperation {
    READ(OperationSpec.reads("ha.read", Role.READ_ONLY)),
    ENABLE(OperationSpec.changes("ha.enable", Role.POOL_OPERATOR).in(HaState.DISABLED).raises(HA_IS_ENABLED, HA_CONFIG_INVALID)),
    DISABLE(OperationSpec.changes("ha.disable", Role.POOL_OPERATOR).in(HaState.ENABLED).raises(HA_NOT_ENABLED)),
    SET_ALLOW_OVERCOMMIT(OperationSpec.changes("ha.set_allow_overcommit", Role.POOL_OPERATOR));

    private final OperationSpec spec;

    HaOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The HA states operations are allowed in, as their declarations name them. */
    public static final class HaState {
        public static final String ENABLED = "enabled";
        public static final String DISABLED = "disabled";

        private HaState() {
        }
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet haOperations() {
            return OperationSet.of(values());
        }
    }
}
