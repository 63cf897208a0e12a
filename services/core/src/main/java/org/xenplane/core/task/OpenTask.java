package org.xenplane.core.task;

import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * A task whose work runs outside {@link TaskRunner}: while a response body streams (a VDI
 * export), after the resource method has returned. The streaming code reports progress through
 * {@link #context()} and finishes the task exactly once with {@link #succeed} or {@link #fail}.
 */
public final class OpenTask {
    private static final Logger LOG = Logger.getLogger(OpenTask.class);

    private final TaskView task;
    private final TaskContext context;
    private final TaskStore store;
    private final TaskLeases leases;
    private boolean finished;

    OpenTask(TaskView task, TaskStore store, TaskLeases leases) {
        this.task = task;
        this.context = new TaskContext(task.id(), store);
        this.store = store;
        this.leases = leases;
    }

    public TaskView task() {
        return task;
    }

    public UUID id() {
        return task.id();
    }

    public TaskContext context() {
        return context;
    }

    public synchronized TaskView succeed(TaskResult result) {
        finished = true;
        try {
            return store.succeed(task.id(), result == null ? TaskResult.NONE : result);
        } finally {
            leases.release(task.id());
        }
    }

    /** Records the failure: a typed error as itself, anything else as {@code INTERNAL_ERROR} with a logged reference. */
    public synchronized TaskView fail(Throwable failure) {
        if (finished) {
            return store.find(task.id()).orElseThrow();
        }
        finished = true;
        try {
            return recordFailure(failure);
        } finally {
            leases.release(task.id());
        }
    }

    private TaskView recordFailure(Throwable failure) {
        if (failure instanceof TaskCancelledException) {
            return store.cancelled(task.id());
        }
        if (failure instanceof XenplaneException e) {
            return store.fail(task.id(), e.code(), e.parameters());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Task %s failed unexpectedly, reference %s", task.id(), reference);
        XenplaneException internal = new XenplaneException(ErrorCode.INTERNAL_ERROR, reference);
        return store.fail(task.id(), internal.code(), internal.parameters());
    }
}
