package org.xenplane.core.task;

import jakarta.enterprise.context.ApplicationScoped;

/** A service's recovery, for tests: a {@code recoverable-probe} task that lost its owner ends in success. */
@ApplicationScoped
public class ProbeRecovery implements TaskRecovery {
    static final String CLASS = "recoverable-probe";

    @Override
    public boolean recovers(TaskView task) {
        return task.target() != null && CLASS.equals(task.target().objectClass());
    }

    @Override
    public TaskResult recover(TaskView task, TaskContext context) {
        return TaskResult.of(CLASS, task.target().id());
    }
}
