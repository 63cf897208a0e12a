package org.xenplane.daemon.protocol;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A virtual network interface to plug into a domain (XenAPI {@code VIF}).
 *
 * @param mac    the guest's MAC address, {@code 00:16:3e:..} for Xen
 * @param bridge the dom0 bridge it joins
 */
public record NicSpec(
        @NotBlank @Pattern(regexp = "([0-9a-f]{2}:){5}[0-9a-f]{2}") String mac,
        @NotBlank @Size(max = 15) String bridge) {
}
