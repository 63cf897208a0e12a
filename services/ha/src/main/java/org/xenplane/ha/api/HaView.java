package org.xenplane.ha.api;

import java.util.List;

/**
 * The pool's HA: XenAPI's {@code pool.ha_enabled}, {@code ha_host_failures_to_tolerate},
 * {@code ha_allow_overcommit}, with each host's HA state. The peer token is never shown.
 *
 * @param timeoutSeconds     the HA timeout T
 * @param safetyMarginMillis {@code xenplane.ha.safety-margin}: a host is declared dead after its last heartbeat + T + this
 * @param planExistsFor      XenAPI {@code ha_plan_exists_for}: for how many host failures (at most
 *                           {@code hostFailuresToTolerate}) every running {@code restart} VM could run again
 * @param overcommitted      XenAPI {@code ha_overcommitted}: HA is on and the plan covers fewer failures than to tolerate
 * @param quorum             the hosts heard from within T form a quorum of the pool (only then may any be declared dead)
 * @param pendingRestarts    protected VMs of dead hosts not running again yet (those that could not be placed say why)
 * @param allowedOperations  {@code enable} or {@code disable}, and {@code set_allow_overcommit}
 */
public record HaView(boolean enabled, int timeoutSeconds, int hostFailuresToTolerate, boolean allowOvercommit,
                     int planExistsFor, boolean overcommitted, long safetyMarginMillis, boolean quorum, List<HaHostView> hosts,
                     List<PendingRestartView> pendingRestarts, List<String> allowedOperations, long version) {
}
