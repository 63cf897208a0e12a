package org.xenplane.storage.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A VM-wide storage call (what the VM service calls): the VM, the host it starts on (attach
 * only), the new VM and mode (clone only), and whether to destroy its disks (destroy only).
 */
public record VmRef(@NotNull UUID vmId, UUID hostId, UUID newVmId, VmDisksClone.Mode mode, UUID srId, Boolean destroyDisks) {
}
