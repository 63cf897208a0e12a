package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A request body naming the host a VM runs (or is starting) on. */
public record OnHost(@NotNull UUID hostId) {
}
