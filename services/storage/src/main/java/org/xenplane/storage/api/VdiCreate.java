package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.xenplane.storage.model.VdiType;

/** A new, empty VDI of {@code virtualSize} bytes (a multiple of 512) on SR {@code srId}. */
public record VdiCreate(
        @NotNull UUID srId,
        @NotNull @Size(min = 1, max = 255) String name,
        @Size(max = 4096) String description,
        @NotNull Long virtualSize,
        VdiType type,
        Boolean sharable,
        Boolean readOnly) {
}
