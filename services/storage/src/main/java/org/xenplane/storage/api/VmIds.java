package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A list of VMs, asked about or answered ({@code POST /api/v1/vbds/attached-vms}); at most {@value #MAX} at a time. */
public record VmIds(@NotNull @Size(max = MAX) List<@NotNull UUID> vmIds) {
    public static final int MAX = 500;
}
