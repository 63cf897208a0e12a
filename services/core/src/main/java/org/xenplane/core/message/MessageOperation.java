package org.xenplane.core.message;

import static org.xenplane.core.error.ErrorCode.EVENT_CLASS_UNKNOWN;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on messages, declared once (XenAPI {@code message.*}). */
public enum MessageOperation implements DeclaredOperation {
    READ(OperationSpec.reads("message.read", Role.READ_ONLY).raises(EVENT_CLASS_UNKNOWN)),
    /** Dismisses a message (XenAPI {@code message.destroy}, pool-operator as in XenServer); XenAPI has no other acknowledgement. */
    DESTROY(OperationSpec.changes("message.destroy", Role.POOL_OPERATOR));

    private final OperationSpec spec;

    MessageOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet messageOperations() {
            return OperationSet.of(values());
        }
    }
}
