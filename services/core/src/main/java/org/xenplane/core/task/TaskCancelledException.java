package org.xenplane.core.task;

/** Thrown by {@link TaskContext#checkCancelled()} to end a task whose cancellation was requested. */
public class TaskCancelledException extends RuntimeException {
    public TaskCancelledException() {
        super("task cancelled", null, false, false);
    }
}
