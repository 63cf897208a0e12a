package org.xenplane.core.task;

/**
 * A task that finished in the request, with the object it made or changed, as the service hands
 * it to the REST layer: the resource answers with both (the object as the body, the task's id in
 * {@link TaskResponses#TASK_HEADER}). On a replayed idempotency key the object is read again.
 */
public record TaskOutcome<T>(TaskView task, T value) {
}
