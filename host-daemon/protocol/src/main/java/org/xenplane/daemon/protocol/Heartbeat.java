package org.xenplane.daemon.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A daemon's periodic sign of life, with its host's current facts. */
public record Heartbeat(@NotNull @Valid HostFacts facts) {
}
