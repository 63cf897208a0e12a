package org.xenplane.vm.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jboss.logging.Logger;
import org.xenplane.core.task.TaskContext;

/**
 * A big operation as a list of small named steps (xenopsd's {@code VM_start} is
 * {@code VM_create; VM_build; ...; VM_unpause}). Steps run in order; between two steps a
 * cancellation is honoured and progress is reported (at most twice a second, so quick operations
 * stay quick). When a step fails or the task is cancelled, the steps already done are undone in
 * reverse order, and the failure is rethrown.
 */
public final class Steps {
    private static final Logger LOG = Logger.getLogger(Steps.class);
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private Steps() {
    }

    /** Something a step does. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * One step.
     *
     * @param name  e.g. {@code domain_create}; also the last part of its daemon operation ids
     * @param run   what it does
     * @param undo  what puts it back (may be a no-op)
     * @param recordsOutcome true for the step that records the outcome: it checks for a cancellation in its own transaction
     */
    public record Step(String name, Action run, Action undo, boolean recordsOutcome) {
        public static Step of(String name, Action run) {
            return new Step(name, run, () -> { }, false);
        }

        public static Step of(String name, Action run, Action undo) {
            return new Step(name, run, undo, false);
        }

        /** The step that records the outcome, once the work on hosts is done. */
        public static Step record(String name, Action run) {
            return new Step(name, run, () -> { }, true);
        }
    }

    public static void run(TaskContext context, List<Step> steps) throws Exception {
        Deque<Step> done = new ArrayDeque<>();
        long lastProgress = System.nanoTime();
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (i > 0 && !step.recordsOutcome()) {
                    context.checkCancelled(); // the task runner checked before the first
                }
                step.run().run();
                done.push(step);
                if (i < steps.size() - 1 && System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    context.progress((double) (i + 1) / steps.size());
                    lastProgress = System.nanoTime();
                }
            }
        } catch (Exception | Error failure) {
            undo(context, done);
            throw failure;
        }
    }

    private static void undo(TaskContext context, Deque<Step> done) {
        for (Step step : done) {
            try {
                step.undo().run();
            } catch (Exception e) {
                LOG.errorf("Task %s: undoing step %s failed: %s", context.taskId(), step.name(), e.getMessage());
            }
        }
    }
}
