package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;

/** The VDI's new virtual size in bytes: larger than now, a multiple of 512. */
public record VdiResize(@NotNull Long virtualSize) {
}
