package org.xenplane.daemon.protocol.storage;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Snapshot or clone of a volume: its content moves to a new read-only base {@code baseId}; the
 * volume itself and the new volume {@code leafId} become empty overlays on that base.
 */
public record VolumeFork(@NotNull UUID baseId, @NotNull UUID leafId) {
}
