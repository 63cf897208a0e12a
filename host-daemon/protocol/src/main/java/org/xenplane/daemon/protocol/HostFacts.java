package org.xenplane.daemon.protocol;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What a daemon reports of its host: CPUs, memory in bytes, software versions.
 *
 * @param cpuCount         physical CPUs available to guests
 * @param memoryTotal      bytes of host memory
 * @param memoryFree       bytes the hypervisor can still give to domains
 * @param softwareVersions e.g. {@code xen: 4.17.7, xenplane: 0.1.0, driver: simulator}
 */
public record HostFacts(
        @Max(4096) @PositiveOrZero int cpuCount,
        @PositiveOrZero long memoryTotal,
        @PositiveOrZero long memoryFree,
        @NotNull @Size(max = 32) Map<@Size(max = 64) String, @Size(max = 256) String> softwareVersions) {
}
