package org.xenplane.network.api;

import java.util.List;
import java.util.UUID;

/**
 * A PIF as clients see it.
 *
 * @param vlanTag             -1 when it is not a VLAN
 * @param ipConfigurationMode {@code none}, {@code dhcp} or {@code static}
 * @param vlanMasterOf        the VLAN whose own PIF this is, or null
 * @param vlanSlaveOf         the VLANs that tag this PIF
 * @param bondMasterOf        the bond whose master this is, or null
 * @param bondSlaveOf         the bond this PIF is a member of, or null
 */
public record PifView(UUID id, UUID hostId, UUID networkId, String device, String mac, int mtu, int vlanTag,
                      boolean physical, boolean management, boolean currentlyAttached, String ipConfigurationMode,
                      String ip, String netmask, String gateway, List<String> dns, UUID vlanMasterOf,
                      List<UUID> vlanSlaveOf, UUID bondMasterOf, UUID bondSlaveOf, long version,
                      List<String> allowedOperations) {
}
