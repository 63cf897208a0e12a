package org.xenplane.core.task;

/**
 * How a service finishes a task of its own that lost its owner ({@link TaskTakeover}). The task's
 * steps may have been done in part: the recovery finds out from the hosts what happened, puts the
 * task's object in the state the hosts report (completing the operation, or undoing its steps),
 * frees what the task held, and returns the task's result, or throws its failure. It throws
 * {@link TaskCancelledException} for a task whose cancel was requested and that did not complete,
 * and {@link NotYet} when it cannot tell now (a host that is live did not answer): the task is
 * taken over again later.
 */
public interface TaskRecovery {
    /** True for the tasks this recovery knows (by operation and target class). */
    boolean recovers(TaskView task);

    TaskResult recover(TaskView task, TaskContext context) throws Exception;

    /** The outcome cannot be decided now; the task stays unfinished and is recovered again later. */
    final class NotYet extends RuntimeException {
        public NotYet(String why) {
            super(why);
        }
    }
}
