package org.xenplane.network.api;

import java.util.List;
import java.util.UUID;

/** A VLAN on one host: the PIF it tags (a NIC or bond), its own PIF, and that PIF's host and network. */
public record VlanView(UUID id, UUID taggedPif, UUID untaggedPif, int tag, UUID hostId, UUID networkId, long version,
                       List<String> allowedOperations) {
}
