package org.xenplane.storage.api;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A full copy to SR {@code srId} (default: the VDI's own SR), named {@code name} (default: the VDI's). */
public record VdiCopy(UUID srId, @Size(min = 1, max = 255) String name) {
}
