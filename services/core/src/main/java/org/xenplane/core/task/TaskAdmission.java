package org.xenplane.core.task;

import java.util.UUID;

/**
 * The synchronous first step of a long operation: it runs in the caller's request, in the
 * transaction that creates the task, and claims what the operation needs (e.g. marks the VM busy
 * and reserves host memory) or refuses with a typed error, which the caller receives at once
 * (e.g. 409). Throwing {@link Retry} rolls the transaction back and runs it again.
 */
@FunctionalInterface
public interface TaskAdmission {
    void admit(UUID taskId);

    /** Roll back and admit again: what the admission wanted changed under it (it keeps its own state). */
    class Retry extends RuntimeException {
        public Retry(String message) {
            super(message, null, false, false);
        }
    }
}
