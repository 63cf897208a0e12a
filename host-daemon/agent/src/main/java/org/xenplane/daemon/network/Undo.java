package org.xenplane.daemon.network;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jboss.logging.Logger;

/**
 * The steps a change has taken so far, each with its inverse. On failure the inverses run in
 * reverse order, so a change either completes or leaves the host as it was.
 */
public final class Undo {
    private static final Logger LOG = Logger.getLogger(Undo.class);

    private final Deque<Step> steps = new ArrayDeque<>();

    private record Step(String description, Runnable inverse) {
    }

    /** Records that a step was taken and how to take it back. */
    public void add(String description, Runnable inverse) {
        steps.push(new Step(description, inverse));
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Takes back every recorded step, newest first; a failing inverse is logged and the rest still run. */
    public void rollback() {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.inverse().run();
            } catch (RuntimeException e) {
                LOG.warnf("Could not undo '%s': %s", step.description(), e.getMessage());
            }
        }
    }
}
