package org.xenplane.core.invariant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every {@link InvariantCheck} of the process and lists what they find, ordered by kind,
 * class and id: the answer of {@code GET /api/v1/pool/invariants}, and what fault tests expect to
 * be empty after each fault.
 */
@ApplicationScoped
public class InvariantChecker {
    private static final Comparator<Inconsistency> ORDER = Comparator.comparing(Inconsistency::kind)
            .thenComparing(Inconsistency::objectClass).thenComparing(i -> i.objectId().toString());

    private final Instance<InvariantCheck> checks;

    public InvariantChecker(Instance<InvariantCheck> checks) {
        this.checks = checks;
    }

    /** Every inconsistency found now; empty when all is right. */
    public List<Inconsistency> check() {
        return QuarkusTransaction.requiringNew().call(() ->
                checks.stream().flatMap(c -> c.find().stream()).sorted(ORDER).toList());
    }
}
