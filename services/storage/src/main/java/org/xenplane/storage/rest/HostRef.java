package org.xenplane.storage.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The host a VM runs (or is starting) on. */
public record HostRef(@NotNull UUID hostId) {
}
