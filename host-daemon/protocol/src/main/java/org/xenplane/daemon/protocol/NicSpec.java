package org.xenplane.daemon.protocol;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A virtual network interface to plug into a domain (XenAPI {@code VIF}; libxl {@code libxl_device_nic}).
 *
 * @param mac    the guest's MAC address, lower case, colon separated
 * @param bridge the dom0 bridge it joins
 * @param mtu    the interface's MTU, 68..9216 (the network's)
 * @param model  the emulated model for HVM guests ({@code e1000}, {@code rtl8139}), or null for the
 *               hypervisor's default; PV and PVH guests use netfront whatever it says
 */
public record NicSpec(
        @NotBlank @Pattern(regexp = "([0-9a-f]{2}:){5}[0-9a-f]{2}") String mac,
        @NotBlank @Size(max = 15) String bridge,
        @Min(68) @Max(9216) int mtu,
        @Size(max = 32) @Pattern(regexp = "[a-z0-9_-]+") String model) {

    public static final int DEFAULT_MTU = 1500;

    /** A NIC with the default MTU and model. */
    public NicSpec(String mac, String bridge) {
        this(mac, bridge, DEFAULT_MTU, null);
    }
}
