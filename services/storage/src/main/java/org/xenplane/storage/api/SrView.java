package org.xenplane.storage.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An SR as clients see it. Sizes in bytes; {@code virtualAllocation} is what thin provisioning has promised. */
public record SrView(UUID id, String name, String description, String type, String contentType, boolean shared,
                     UUID hostId, Map<String, String> deviceConfig, long physicalSize, long physicalUtilisation,
                     long virtualAllocation, List<UUID> pbds, Instant createdAt, long version, List<String> allowedOperations) {
}
