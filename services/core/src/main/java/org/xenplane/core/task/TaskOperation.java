package org.xenplane.core.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on tasks and on the event stream, declared once. */
public enum TaskOperation implements DeclaredOperation {
    READ(OperationSpec.reads("task.read", Role.READ_ONLY)),
    /** Anyone may cancel their own task; cancelling another's needs {@link #CANCEL_ANY}. */
    CANCEL(OperationSpec.changes("task.cancel", Role.READ_ONLY)),
    CANCEL_ANY(OperationSpec.changes("task.cancel_any", Role.POOL_OPERATOR)),
    EVENTS(OperationSpec.reads("event.read", Role.READ_ONLY));

    private final OperationSpec spec;

    TaskOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet taskOperations() {
            return OperationSet.of(values());
        }
    }
}
