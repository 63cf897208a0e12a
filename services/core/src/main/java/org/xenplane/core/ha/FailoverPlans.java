package org.xenplane.core.ha;

import java.util.UUID;

/**
 * The failover plan over the pool as it is now (see {@link FailoverPlanner}), for the services that
 * do not own the VMs: the ha service shows it ({@code GET /api/v1/ha}: plan exists for N,
 * overcommitted) and the pool service asks it before disabling a host. The VM service implements
 * it over its own table; a process without the VM library gets {@link HaSeamDefaults}'s, which
 * knows no VMs (nothing to restart: every plan exists).
 */
public interface FailoverPlans {

    /** For how many host failures, at most {@code upTo}, the pool's protected VMs could run again. */
    int planExistsFor(int upTo);

    /**
     * Refuses with {@code 409 HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN} when the host no longer
     * taking VMs would leave a plan for fewer failures than HA must keep (and than there is now).
     * Joins the caller's transaction; nothing to check when HA keeps no plan ({@link HaPlanPolicy}).
     */
    void assertHostMayStopTakingVms(UUID hostId);
}
