package org.xenplane.vm.service;

import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * The failover plan's say on one placement ({@link FailoverPlanGuard#forPlacement}): whether the VM
 * may hold {@code need} bytes on a host. {@link #NONE} allows everything (HA keeps no plan).
 */
public final class PlacementCheck {
    /** Checks nothing: HA is off or overcommit is allowed. */
    public static final PlacementCheck NONE = new PlacementCheck(0, 0, (host, need) -> 0);

    /** The plan after the VM holds {@code need} bytes on {@code host}. */
    interface PlanAfter {
        int planExistsFor(UUID host, long need);
    }

    private final int required;
    private final int before;
    private final PlanAfter after;

    PlacementCheck(int required, int before, PlanAfter after) {
        this.required = required;
        this.before = before;
        this.after = after;
    }

    /** Whether the placement keeps the plan (HA's failures to tolerate, or at least what it covers now). */
    public boolean allows(UUID host, long need) {
        return this == NONE || kept(required, before, after.planExistsFor(host, need));
    }

    /** Refuses the placement with HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN when it breaks the plan. */
    public void assertAllows(UUID host, long need) {
        if (this != NONE) {
            assertKept(required, before, after.planExistsFor(host, need));
        }
    }

    static void assertKept(int required, int before, int after) {
        if (!kept(required, before, after)) {
            throw new XenplaneException(ErrorCode.HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN, required, after);
        }
    }

    private static boolean kept(int required, int before, int after) {
        return after >= Math.min(required, before);
    }
}
