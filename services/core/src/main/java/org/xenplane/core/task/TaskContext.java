package org.xenplane.core.task;

import java.util.UUID;

/** What a running task's work may do with its task: report progress and honour cancellation. */
public final class TaskContext {
    private final UUID taskId;
    private final TaskStore store;
    private volatile TaskView finished;

    TaskContext(UUID taskId, TaskStore store) {
        this.taskId = taskId;
        this.store = store;
    }

    public UUID taskId() {
        return taskId;
    }

    /** Records progress in 0..1. */
    public void progress(double fraction) {
        store.progress(taskId, fraction);
    }

    /**
     * Finishes the task successfully inside the caller's transaction, so that the work's last
     * change and the task's success commit together (the runner then does not finish it again).
     */
    public void succeedInCurrentTransaction(TaskResult result) {
        store.succeedInCurrentTransaction(taskId, result, view -> finished = view);
    }

    /** The task as the work finished it, or null. */
    TaskView finished() {
        return finished;
    }

    /** Ends the task as cancelled if a client asked; call it between steps. */
    public void checkCancelled() {
        if (store.cancelRequested(taskId)) {
            throw new TaskCancelledException();
        }
    }
}
