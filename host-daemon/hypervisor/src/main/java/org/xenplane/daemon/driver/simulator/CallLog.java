package org.xenplane.daemon.driver.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.daemon.driver.DriverOperation;

/** Every call the simulator received, with its outcome: what a test inspects after the fact. */
public final class CallLog {
    private static final int KEPT = 10_000;
    private final List<Call> calls = new ArrayList<>();

    /**
     * One call.
     *
     * @param operation what was asked
     * @param vmId      of which domain
     * @param outcome   {@code ok} or the libxl error name, e.g. {@code ERROR_NOMEM}
     */
    public record Call(DriverOperation operation, UUID vmId, String outcome) {
    }

    synchronized void record(DriverOperation operation, UUID vmId, String outcome) {
        if (calls.size() == KEPT) {
            calls.remove(0);
        }
        calls.add(new Call(operation, vmId, outcome));
    }

    public synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> of(DriverOperation operation) {
        return calls.stream().filter(c -> c.operation() == operation).toList();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
