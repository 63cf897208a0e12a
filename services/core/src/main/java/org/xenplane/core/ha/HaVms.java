package org.xenplane.core.ha;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What the ha service needs of the VM service (which owns the {@code vm} table, invariant 11): the
 * VMs on a host and their HA settings, the power-state reset of a VM whose host was declared dead
 * ({@code VM.power_state_reset}) and a normal start. The VM service implements it in process; a
 * process without the VM library gets {@link HaSeamDefaults}'s, which knows no VMs and refuses to
 * reset or start any.
 */
public interface HaVms {

    /** Whether the VM service is reachable from this process (false: nothing can be failed over here). */
    boolean available();

    /** The VMs (not templates or snapshots) recorded with a domain (running, paused) on the host. */
    List<HaVm> residentOn(UUID hostId);

    /** These VMs as they are now; unknown ids are left out. */
    List<HaVm> find(Collection<UUID> vmIds);

    /**
     * Records the VM halted (its host has been declared dead and its lease has run out) through the
     * VM service's own {@code VM.power_state_reset}; idempotent: a VM no longer on {@code hostId}
     * is left alone.
     */
    void resetPowerState(UUID vmId, UUID hostId, String caller);

    /**
     * Starts the halted VM through the normal start path (a durable task, placement as any start, but
     * not held back by the failover plan, which this restart carries out); answers the task id.
     */
    UUID start(UUID vmId, String caller, String idempotencyKey);

    /**
     * A VM as HA sees it.
     *
     * @param priority          {@code restart}, {@code best-effort} or null (not protected)
     * @param powerState        the wire name ({@code running}, {@code halted}, ...)
     * @param busy              an operation is in progress on it
     */
    record HaVm(UUID id, String name, String priority, int order, int startDelaySeconds, String powerState,
                UUID residentOn, boolean busy) {
        public static final String RESTART = "restart";
        public static final String BEST_EFFORT = "best-effort";

        public boolean isProtected() {
            return priority != null;
        }

        public boolean isRunning() {
            return "running".equals(powerState) || "paused".equals(powerState);
        }
    }
}
