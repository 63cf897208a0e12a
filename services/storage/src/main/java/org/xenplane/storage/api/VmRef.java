package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * A VM-wide storage call (what the VM service calls): the VM, the host it starts on or moves to
 * (attach and move), the new VM and mode (clone only), whether to destroy its disks (destroy
 * only), and the step of a move ({@code prepare}, {@code complete}, {@code abort}).
 */
public record VmRef(@NotNull UUID vmId, UUID hostId, UUID newVmId, VmDisksClone.Mode mode, UUID srId, Boolean destroyDisks,
                    @Pattern(regexp = "prepare|complete|abort") String step) {
}
