package org.xenplane.daemon.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a host needs to build a VM's domain: what the control plane sends to create,
 * restore or receive one. Memory in bytes.
 *
 * @param vmId            the VM's uuid; also the domain's uuid and its name in the hypervisor
 * @param name            the VM's name, for humans (logs, consoles)
 * @param type            pv, pvh or hvm
 * @param memoryStaticMax the most memory the domain may ever have (libxl {@code max_memkb})
 * @param memoryTarget    the memory it starts with (the VM's dynamic maximum; libxl {@code target_memkb})
 * @param vcpusMax        vCPUs the domain has (libxl {@code max_vcpus})
 * @param vcpusOnline     vCPUs online at start (libxl {@code avail_vcpus})
 * @param kernel          dom0 path of the kernel (pv and pvh)
 * @param ramdisk         dom0 path of the initial ramdisk, or null
 * @param cmdline         kernel command line, or null
 * @param bootOrder       hvm boot order, e.g. {@code cd} (disk, then CD-ROM); null for pv/pvh
 * @param platform        platform flags (XenAPI {@code platform}), e.g. {@code viridian: true}
 * @param disks           disks to plug at creation
 * @param nics            network interfaces to plug at creation
 */
public record DomainSpec(
        @NotNull UUID vmId,
        @NotNull @Size(max = 255) String name,
        @NotNull DomainType type,
        @Min(1) long memoryStaticMax,
        @Min(1) long memoryTarget,
        @Min(1) @Max(512) int vcpusMax,
        @Min(1) @Max(512) int vcpusOnline,
        @Size(max = 4096) String kernel,
        @Size(max = 4096) String ramdisk,
        @Size(max = 4096) String cmdline,
        @Size(max = 8) String bootOrder,
        @NotNull @Size(max = 64) Map<@Size(max = 64) String, @Size(max = 256) String> platform,
        @NotNull @Size(max = 16) List<@Valid DiskSpec> disks,
        @NotNull @Size(max = 16) List<@Valid NicSpec> nics) {

    public DomainSpec {
        platform = Map.copyOf(platform == null ? Map.of() : platform);
        disks = List.copyOf(disks == null ? List.of() : disks);
        nics = List.copyOf(nics == null ? List.of() : nics);
    }

    /** The same domain with these devices. */
    public DomainSpec withDevices(List<DiskSpec> disks, List<NicSpec> nics) {
        return new DomainSpec(vmId, name, type, memoryStaticMax, memoryTarget, vcpusMax, vcpusOnline, kernel, ramdisk,
                cmdline, bootOrder, platform, disks, nics);
    }

    /** The bytes a host must have free to build this domain: static maximum plus the domain's overhead. */
    public long memoryNeeded() {
        return memoryStaticMax + DomainOverhead.bytes(type, memoryStaticMax, vcpusMax);
    }
}
