package org.xenplane.vm.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A disk a template gives each VM made from it (XAPI's {@code VM.provision}, XenServer's
 * {@code other_config:disks}): a new, empty disk of {@code virtualSize} bytes (a multiple of 512) on
 * SR {@code srId}, or on the pool's default SR when null, in slot {@code userdevice} (0 is
 * {@code xvda}), read-write.
 */
public record TemplateDisk(
        @NotNull @Min(512) Long virtualSize,
        UUID srId,
        Boolean bootable,
        @NotNull @Min(0) @Max(15) Integer userdevice) {
}
