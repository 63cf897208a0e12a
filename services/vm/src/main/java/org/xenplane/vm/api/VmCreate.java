package org.xenplane.vm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/vms}: a VM from a template (its settings, overridden by those given), or
 * from scratch (a pvh guest with 1 GiB and 1 vCPU unless given). Memory in bytes.
 *
 * @param template       the template to instantiate, or null
 * @param provision      false: the VM does not get the template's disks ({@code provisionDisks}); default true
 * @param provisionDisks replaces the template's disk list for this VM (and is kept on it, for a template made from it)
 */
public record VmCreate(
        UUID template,
        @NotNull @Size(min = 1, max = 255) String name,
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
        Boolean provision,
        @Size(max = 16) List<@NotNull @Valid TemplateDisk> provisionDisks) {

    /** The settings part, as an update would give them. */
    public VmSettings settings() {
        return new VmSettings(name, description, memoryStaticMin, memoryStaticMax, memoryDynamicMin, memoryDynamicMax,
                vcpusMax, vcpusAtStartup, domainType, kernel, ramdisk, cmdline, bootOrder, platform, otherConfig, tags,
                affinity, null, provisionDisks);
    }
}
