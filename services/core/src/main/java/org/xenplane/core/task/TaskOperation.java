package org.xenplane.core.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.Role;

/** The operations on tasks and on the event stream, declared once. */
public enum TaskOperation implements DeclaredOperation {
    READ("task.read", Role.READ_ONLY, false),
    /** Anyone may cancel their own task; cancelling someone else's needs pool-operator. */
    CANCEL("task.cancel", Role.READ_ONLY, true),
    CANCEL_ANY("task.cancel_any", Role.POOL_OPERATOR, true),
    EVENTS("event.read", Role.READ_ONLY, false);

    private final String id;
    private final Role minimumRole;
    private final boolean mutating;

    TaskOperation(String id, Role minimumRole, boolean mutating) {
        this.id = id;
        this.minimumRole = minimumRole;
        this.mutating = mutating;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CallerKind caller() {
        return CallerKind.USER;
    }

    @Override
    public Role minimumRole() {
        return minimumRole;
    }

    @Override
    public boolean mutating() {
        return mutating;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet taskOperations() {
            return OperationSet.of(values());
        }
    }
}
