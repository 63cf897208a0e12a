package org.xenplane.storage.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;

/**
 * Runs a recovery sweep now, the real bean, as its scheduler does every
 * {@code xenplane.tasks.takeover-interval}; for tests that prove what the sweep does, not that it is
 * scheduled (VdiHoldRecoveryTest still awaits the scheduler in one test per sweep).
 */
public final class Sweeps {
    private Sweeps() {
    }

    public static void releaseStaleVdiHolds() {
        ClientProxy.unwrap(Arc.container().instance(StaleVdiHolds.class).get()).release();
    }
}
