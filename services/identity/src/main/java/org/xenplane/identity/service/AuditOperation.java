package org.xenplane.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** Reading the audit log and the role catalogue. */
public enum AuditOperation implements DeclaredOperation {
    READ(OperationSpec.reads("audit.read", Role.POOL_ADMIN)),
    READ_ROLES(OperationSpec.reads("role.read", Role.READ_ONLY));

    private final OperationSpec spec;

    AuditOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet auditOperations() {
            return OperationSet.of(values());
        }
    }
}
