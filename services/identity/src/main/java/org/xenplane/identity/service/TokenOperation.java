package org.xenplane.identity.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on API tokens. Everyone manages their own tokens, with a role no higher than their own; {@link #MANAGE_ANY} (pool-admin) reaches everyone's. */
public enum TokenOperation implements DeclaredOperation {
    CREATE(OperationSpec.changes("token.create", Role.READ_ONLY)),
    READ(OperationSpec.reads("token.read", Role.READ_ONLY)),
    REVOKE(OperationSpec.changes("token.revoke", Role.READ_ONLY)),
    MANAGE_ANY(OperationSpec.changes("token.manage_any", Role.POOL_ADMIN));

    private final OperationSpec spec;

    TokenOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet tokenOperations() {
            return OperationSet.of(values());
        }
    }
}
