package org.xenplane.storage.api;

import jakarta.validation.constraints.Size;

/** A snapshot's or clone's name (default: the VDI's name with a suffix). */
public record VdiFork(@Size(min = 1, max = 255) String name) {
}
