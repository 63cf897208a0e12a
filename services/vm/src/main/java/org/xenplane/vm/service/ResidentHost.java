package org.xenplane.vm.service;

/**
 * How the host that a running or paused VM's domain is on is doing, as its heartbeats tell (the
 * pool's {@code host.live} and {@code last_heartbeat}).
 */
public enum ResidentHost {
    /** The VM has no resident host (halted, suspended). */
    NONE,
    /** The host's daemon heartbeats: the VM's record follows its domain there. */
    LIVE,
    /** Not live, but silent for less than {@code xenplane.vm.dead-host-after}: maybe a short outage. */
    NOT_LIVE,
    /**
     * Not live and silent for longer than {@code xenplane.vm.dead-host-after}, or no longer in the
     * pool: the host is presumed dead, and whether the VM still runs is not known.
     */
    DEAD;

    /** True when the host is known not live (or gone): {@code power_state_reset} may run. */
    public boolean notLive() {
        return this == NOT_LIVE || this == DEAD;
    }
}
