package org.xenplane.core.task;

import java.util.UUID;

/**
 * The synchronous first step of a long operation: it runs in the caller's request once the task
 * exists, and claims what the operation needs (e.g. marks the VM busy and reserves host memory)
 * or refuses with a typed error, which the caller receives at once (e.g. 409).
 */
@FunctionalInterface
public interface TaskAdmission {
    void admit(UUID taskId);
}
