package org.xenplane.daemon.protocol.storage;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A full, flattened copy of a volume into {@code targetId} on SR {@code targetSrId}, attached on the same host. */
public record VolumeCopy(@NotNull UUID targetSrId, @NotNull UUID targetId) {
}
