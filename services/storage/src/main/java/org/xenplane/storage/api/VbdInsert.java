package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The VDI (an ISO, say) to put into an empty CD drive. */
public record VbdInsert(@NotNull UUID vdiId) {
}
