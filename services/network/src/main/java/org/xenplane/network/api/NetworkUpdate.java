package org.xenplane.network.api;

import jakarta.validation.constraints.Size;
import java.util.Map;

/** Changes to a network's name, description or other-config; absent fields stay as they are. */
public record NetworkUpdate(
        @Size(min = 1, max = 255) String name,
        @Size(max = 1024) String description,
        @Size(max = 64) Map<@Size(max = 255) String, @Size(max = 1024) String> otherConfig) {
}
