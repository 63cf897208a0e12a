package org.xenplane.daemon.driver.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;

/**
 * Failures a test arms for the simulator: "the next create fails with {@code ERROR_NOMEM}". An
 * armed failure fires once, before the operation changes anything, exactly as libxl reports a
 * failure that left nothing behind.
 */
public final class FailureInjector {
    private final Map<DriverOperation, Deque<XenError>> armed = new EnumMap<>(DriverOperation.class);

    /** The next call of {@code operation} fails with {@code error}. */
    public synchronized void failNext(DriverOperation operation, XenError error) {
        failNext(operation, error, 1);
    }

    /** The next {@code times} calls of {@code operation} fail with {@code error}. */
    public synchronized void failNext(DriverOperation operation, XenError error, int times) {
        Deque<XenError> queue = armed.computeIfAbsent(operation, o -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(error);
        }
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** How many failures are still armed for {@code operation}. */
    public synchronized int armed(DriverOperation operation) {
        Deque<XenError> queue = armed.get(operation);
        return queue == null ? 0 : queue.size();
    }

    /** Throws the next armed failure of {@code operation}, if any. */
    void check(DriverOperation operation) {
        XenError error;
        synchronized (this) {
            Deque<XenError> queue = armed.get(operation);
            error = queue == null ? null : queue.poll();
        }
        if (error != null) {
            throw new HypervisorException(error, operation.function(), "injected failure");
        }
    }
}
