package org.xenplane.network.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Which host to scan. */
public record PifScan(@NotNull UUID hostId) {
}
