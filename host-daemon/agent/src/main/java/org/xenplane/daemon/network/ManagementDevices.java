package org.xenplane.daemon.network;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The devices that carry the host's way out, as XenServer has it: the management NIC, and once
 * the NIC is its network's bridge's uplink, that bridge too (it then holds the NIC's addresses and
 * routes). Found from the devices that carried a default route when the driver first looked (or are
 * protected), by walking up to the bridge or bond a device is a port of, down from such a bridge or
 * bond to its uplinks (never to VIF ports), and from a VLAN to its parent. So the NIC under a
 * bridge that carries the route is still known after a daemon restart.
 *
 * <p>What this protects: no such device is bonded, readdressed or attached as a VIF, and such a
 * bridge is never removed; the management NIC may become the uplink of one bridge, which takes over
 * its addresses (see docs/network.md).
 */
public final class ManagementDevices {

    /**
     * One device as the walk sees it.
     *
     * @param master the bridge or bond it is a port of, or null
     * @param parent a VLAN's parent device, or a fake bridge's parent bridge, or null
     * @param uplink it is a NIC, VLAN or bond (a bridge's uplink), not a VIF
     */
    public record Link(String name, String master, String parent, boolean uplink) {
    }

    private final Set<String> devices;

    private ManagementDevices(Set<String> devices) {
        this.devices = Set.copyOf(devices);
    }

    /** @param seeds the devices that carried a default route at start, and the protected ones */
    public static ManagementDevices of(Set<String> seeds, Collection<Link> links) {
        Set<String> found = new HashSet<>(seeds);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Link link : links) {
                if (found.contains(link.name())) {
                    grew |= link.master() != null && found.add(link.master());
                    grew |= link.parent() != null && found.add(link.parent());
                } else if (link.uplink() && link.master() != null && found.contains(link.master())) {
                    grew |= found.add(link.name());
                }
            }
        }
        return new ManagementDevices(found);
    }

    public boolean contains(String device) {
        return devices.contains(device);
    }
}
