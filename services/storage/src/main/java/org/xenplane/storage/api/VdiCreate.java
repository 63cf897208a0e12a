package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.xenplane.storage.model.VdiType;

/**
 * A new, empty VDI of {@code virtualSize} bytes (a multiple of 512) on SR {@code srId}; without
 * {@code srId}, on the pool's default SR ({@code 409 DEFAULT_SR_NOT_SET} when there is none).
 */
public record VdiCreate(
        UUID srId,
        @NotNull @Size(min = 1, max = 255) String name,
        @Size(max = 4096) String description,
        @NotNull Long virtualSize,
        VdiType type,
        Boolean sharable,
        Boolean readOnly) {

    /** The same request on SR {@code sr}. */
    public VdiCreate on(UUID sr) {
        return new VdiCreate(sr, name, description, virtualSize, type, sharable, readOnly);
    }
}
