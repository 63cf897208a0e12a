package org.xenplane.core.task;

import static org.xenplane.core.error.ErrorCode.EVENTS_LOST;
import static org.xenplane.core.error.ErrorCode.EVENT_CLASS_UNKNOWN;
import static org.xenplane.core.error.ErrorCode.TASK_ALREADY_FINISHED;

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
    CANCEL(OperationSpec.changes("task.cancel", Role.READ_ONLY).in("pending", "running").raises(TASK_ALREADY_FINISHED)),
    CANCEL_ANY(OperationSpec.changes("task.cancel_any", Role.POOL_OPERATOR).in("pending", "running")
            .raises(TASK_ALREADY_FINISHED)),
    EVENTS(OperationSpec.reads("event.read", Role.READ_ONLY).raises(EVENT_CLASS_UNKNOWN, EVENTS_LOST));

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
