package org.xenplane.core.task;

/** The body of a task. It opens its own transactions and reports progress through the context. */
@FunctionalInterface
public interface TaskWork {
    TaskResult run(TaskContext context) throws Exception;
}
