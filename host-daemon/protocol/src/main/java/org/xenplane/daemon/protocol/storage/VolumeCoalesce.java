package org.xenplane.daemon.protocol.storage;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Merges the volume's parent {@code parentId} (a hidden base left with this one child) into it:
 * the volume's own changes are committed into the parent, which then takes the volume's name.
 */
public record VolumeCoalesce(@NotNull UUID parentId) {
}
