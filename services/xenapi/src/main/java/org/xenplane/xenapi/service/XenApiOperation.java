package org.xenplane.xenapi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;

/**
 * The XenAPI transports' own declaration: the HTTP endpoints take anonymous calls because a
 * XenAPI call authenticates itself (its session reference is its first parameter). Each message
 * is then authorized by the declaration of the REST operation doing the same thing
 * ({@link Message#operation()}), and the REST call it makes is authorized again.
 */
public enum XenApiOperation implements DeclaredOperation {
    CALL(OperationSpec.anonymous("xenapi.call"));

    private final OperationSpec spec;

    XenApiOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet xenApiOperations() {
            return OperationSet.of(values());
        }
    }
}
