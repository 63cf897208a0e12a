package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import org.xenplane.core.ha.HaPlanPolicy;
import org.xenplane.ha.model.HaSettings;

/**
 * The ha service's side of core's {@link HaPlanPolicy} seam, in process: while HA is on and
 * overcommit is not allowed, the failover plan must keep covering {@code hostFailuresToTolerate}.
 * Read from {@code ha_config} in the caller's transaction, uncached: turning overcommit on or off
 * applies to the very next operation.
 */
@ApplicationScoped
public class HaPlanPolicyInProcess implements HaPlanPolicy {
    private final HaStore store;

    public HaPlanPolicyInProcess(HaStore store) {
        this.store = store;
    }

    @Override
    public OptionalInt failuresToKeepPlannedFor() {
        HaSettings s = QuarkusTransaction.joiningExisting().call(() -> store.settings(false));
        return s.enabled() && !s.allowOvercommit() ? OptionalInt.of(s.hostFailuresToTolerate()) : OptionalInt.empty();
    }
}
