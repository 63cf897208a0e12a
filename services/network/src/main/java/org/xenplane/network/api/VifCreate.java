package org.xenplane.network.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new VIF (XenAPI {@code VIF.create}).
 *
 * @param device      0..63, unique in the VM
 * @param mac         optional: six octets, unicast; default a random locally administered one
 * @param mtu         68..9216, default the network's
 * @param lockingMode default {@code network_default}
 * @param ipv4Allowed the addresses a {@code locked} VIF may use
 * @param model       the emulated NIC for HVM guests, default {@code rtl8139}
 */
public record VifCreate(@NotNull UUID vmId, @NotNull Integer device, @NotNull UUID networkId,
                        @Size(max = 32) String mac, Integer mtu, LockingMode lockingMode,
                        @Size(max = 16) List<@Size(max = 15) String> ipv4Allowed, @Size(max = 32) String model,
                        @Size(max = 64) Map<@Size(max = 255) String, @Size(max = 1024) String> otherConfig) {
}
