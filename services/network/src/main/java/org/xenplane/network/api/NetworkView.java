package org.xenplane.network.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A network as clients see it.
 *
 * @param internal true when no PIF connects it to a host's NICs: a host-internal (private)
 *                 network, whose bridge is made on whichever host needs it
 */
public record NetworkView(UUID id, String name, String description, String bridge, int mtu, boolean managed,
                          Map<String, String> otherConfig, boolean internal, List<UUID> pifs, List<UUID> vifs,
                          Instant createdAt, long version, List<String> allowedOperations) {
}
