package org.xenplane.vm.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The bodies of the VM operations. */
public final class VmRequests {
    private VmRequests() {
    }

    /** {@code vm.start}: optionally left paused. */
    public record Start(boolean paused) {
    }

    /** {@code vm.start_on}: on this host, optionally left paused. */
    public record StartOn(@NotNull UUID host, boolean paused) {
    }

    /** {@code vm.resume}: optionally left paused. */
    public record Resume(boolean paused) {
    }

    /** {@code vm.clone}, {@code vm.copy}, {@code vm.snapshot}: the new object's name. */
    public record NewName(@NotNull @Size(min = 1, max = 255) String name) {
    }

    /** {@code vm.revert}: the snapshot of this VM to go back to. */
    public record Revert(@NotNull UUID snapshot) {
    }

    /** {@code vm.power_state_reset}: {@code force} must be true, as with {@code xe vm-reset-powerstate --force}. */
    public record ResetPowerState(boolean force) {
    }

    /**
     * {@code vm.set_ha}: {@code restartPriority} {@code restart}, {@code best-effort}, or empty / left
     * out (not protected); {@code order} (lower first, default 0); {@code startDelaySeconds} (0..3600, default 0).
     */
    public record Ha(String restartPriority, Integer order, Integer startDelaySeconds) {
    }

    /** {@code vm.pool_migrate}: the destination host. */
    public record Migrate(@NotNull UUID host) {
    }
}
