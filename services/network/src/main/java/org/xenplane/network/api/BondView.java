package org.xenplane.network.api;

import java.util.List;
import java.util.UUID;

/** A bond: its master PIF (on its network), its member PIFs, its mode. */
public record BondView(UUID id, UUID master, List<UUID> members, String mode, UUID hostId, UUID networkId, long version,
                       List<String> allowedOperations) {
}
