package org.xenplane.cli.http;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches Ctrl-C (SIGINT) while a task is waited for, so that the waiter can ask whether to
 * cancel the task instead of the JVM just exiting; the previous handler is back on close.
 */
final class Interrupts implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final AtomicBoolean pressed = new AtomicBoolean();
    private final SignalHandler previous;

    Interrupts() {
        previous = Signal.handle(INT, signal -> pressed.set(true));
    }

    /** Whether Ctrl-C was pressed since the last call. */
    boolean take() {
        return pressed.getAndSet(false);
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
