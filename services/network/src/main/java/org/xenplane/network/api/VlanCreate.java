package org.xenplane.network.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A VLAN on every host of the pool that has the device (XenAPI {@code pool.create_VLAN}).
 *
 * @param networkId the network the VLAN's PIFs connect (an internal network so far)
 * @param device    the NIC or bond to tag, e.g. {@code eth1} or {@code bond0}
 * @param tag       0..4094
 */
public record VlanCreate(@NotNull UUID networkId, @NotNull @Size(max = 15) String device, @NotNull Integer tag) {
}
