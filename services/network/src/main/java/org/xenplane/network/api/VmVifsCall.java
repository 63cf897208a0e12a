package org.xenplane.network.api;

import java.util.UUID;

/**
 * The body of a VM-wide network call (what the VM service calls): the host to make the VM's
 * networks on ({@code ensure}), the flag to set ({@code attached}), the new VM ({@code copy}).
 */
public record VmVifsCall(UUID hostId, Boolean attached, UUID toVmId) {
}
