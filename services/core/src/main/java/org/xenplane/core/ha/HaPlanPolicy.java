package org.xenplane.core.ha;

import java.util.OptionalInt;

/**
 * What the services that place VMs and disable hosts need of HA's settings: how many host failures
 * the failover plan must keep covering ({@code pool.ha_host_failures_to_tolerate}), or nothing when
 * HA is off or overcommit is allowed ({@code pool.ha_allow_overcommit}). The ha service answers from
 * its own table, uncached (a change of the setting applies to the next operation); a process without
 * the ha library gets {@link HaSeamDefaults}'s: nothing to keep.
 */
public interface HaPlanPolicy {

    /** Joins the caller's transaction: one read of the HA settings. */
    OptionalInt failuresToKeepPlannedFor();
}
