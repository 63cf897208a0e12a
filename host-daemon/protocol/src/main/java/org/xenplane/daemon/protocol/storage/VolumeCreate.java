package org.xenplane.daemon.protocol.storage;

import jakarta.validation.constraints.Positive;

/** Creates (or resizes to) a volume of {@code virtualSize} bytes. */
public record VolumeCreate(@Positive long virtualSize) {
}
