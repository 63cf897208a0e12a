package org.xenplane.storage.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.xenplane.storage.model.VdiType;

/**
 * A VDI as clients see it. Sizes in bytes. {@code managed} is false for the hidden base of a
 * snapshot chain; {@code chainDepth} counts the images behind the disk (1: none).
 */
public record VdiView(UUID id, UUID srId, String name, String description, VdiType type, long virtualSize,
                      long physicalUtilisation, boolean sharable, boolean readOnly, boolean managed, boolean isSnapshot,
                      UUID snapshotOf, Instant snapshotTime, UUID parentId, int chainDepth, boolean missing,
                      String currentOperation, List<UUID> vbds, Instant createdAt, long version,
                      List<String> allowedOperations) {
}
