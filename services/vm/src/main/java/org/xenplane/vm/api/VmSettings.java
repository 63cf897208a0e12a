package org.xenplane.vm.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code PATCH /api/v1/vms/{id}}: the settings to change; absent (null) means "keep". Memory in
 * bytes. A running VM's dynamic memory range and online vCPUs change live; its static maximum,
 * maximum vCPUs, domain type and boot settings only while it is halted.
 *
 * @param isATemplate    true turns a halted VM into a template (XenAPI {@code is_a_template})
 * @param provisionDisks the disks each VM made from this template gets (an empty list: none)
 */
public record VmSettings(
        @Size(min = 1, max = 255) String name,
        @Size(max = 4096) String description,
        @Min(1) Long memoryStaticMin,
        @Min(1) Long memoryStaticMax,
        @Min(1) Long memoryDynamicMin,
        @Min(1) Long memoryDynamicMax,
        @Min(1) @Max(512) Integer vcpusMax,
        @Min(1) @Max(512) Integer vcpusAtStartup,
        @Pattern(regexp = "pv|pvh|hvm") String domainType,
        @Size(max = 4096) String kernel,
        @Size(max = 4096) String ramdisk,
        @Size(max = 4096) String cmdline,
        @Pattern(regexp = "[cdn]{1,4}") String bootOrder,
        @Size(max = 64) Map<@Size(max = 64) String, @Size(max = 256) String> platform,
        @Size(max = 256) Map<@Size(max = 256) String, @Size(max = 4096) String> otherConfig,
        @Size(max = 64) List<@Size(min = 1, max = 64) String> tags,
        UUID affinity,
        Boolean isATemplate,
        @Size(max = 16) List<@NotNull @Valid TemplateDisk> provisionDisks) {
}
