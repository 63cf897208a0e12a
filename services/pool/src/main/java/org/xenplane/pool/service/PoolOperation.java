package org.xenplane.pool.service;

import static org.xenplane.core.error.ErrorCode.JOIN_TOKEN_INVALID;
import static org.xenplane.core.error.ErrorCode.SR_HAS_NO_PBDS;
import static org.xenplane.core.error.ErrorCode.STORAGE_SERVICE_UNAVAILABLE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on the pool, declared once (XenAPI {@code pool.*}). */
public enum PoolOperation implements DeclaredOperation {
    READ(OperationSpec.reads("pool.read", Role.READ_ONLY)),
    UPDATE(OperationSpec.changes("pool.update", Role.POOL_OPERATOR).raises(SR_HAS_NO_PBDS, STORAGE_SERVICE_UNAVAILABLE)),
    CREATE_JOIN_TOKEN(OperationSpec.changes("pool.create_join_token", Role.POOL_ADMIN)),
    READ_JOIN_TOKENS(OperationSpec.reads("pool.read_join_tokens", Role.POOL_ADMIN)),
    /** Lists the records' inconsistencies (core's {@code InvariantChecker}); reads only. */
    CHECK_INVARIANTS(OperationSpec.reads("pool.check_invariants", Role.POOL_ADMIN)),
    /** A daemon joins with a single-use join token in the body, not with a bearer token. */
    JOIN(OperationSpec.anonymous("pool.join").raises(JOIN_TOKEN_INVALID));

    private final OperationSpec spec;

    PoolOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet poolOperations() {
            return OperationSet.of(values());
        }
    }
}
