package org.xenplane.pool.api;

import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * A change to the pool's settings; absent fields stay as they are. {@code defaultSr}: an SR plugged on
 * at least one host, used for disks that name no SR.
 */
public record PoolUpdate(
        @Size(min = 1, max = 255) String name,
        @Size(max = 4096) String description,
        @Size(max = 256) Map<@Size(min = 1, max = 255) String, @Size(max = 4096) String> otherConfig,
        UUID defaultSr) {
}
