package org.xenplane.daemon.driver;

import java.util.UUID;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * Hot-plugging devices into a running (or paused) domain, as {@code xl block-attach},
 * {@code block-detach}, {@code cd-insert}, {@code cd-eject}, {@code network-attach} and
 * {@code network-detach} do. Each throws {@code ERROR_DOMAIN_NOTFOUND} when the domain does not
 * exist. The domain's device list ({@code DomainInfo.devices}) shows the change.
 */
public interface DomainDevices {

    /** Adds a disk; {@code ERROR_DEVICE_EXISTS} when the domain has that vdev already. */
    void plugDisk(UUID vmId, DiskSpec disk);

    /** Removes a disk; {@code ERROR_NOTFOUND} when the domain has no such vdev. */
    void unplugDisk(UUID vmId, String vdev);

    /**
     * Puts a medium into a CD drive, or ejects it when {@code medium} has no path;
     * {@code ERROR_NOTFOUND} without such a drive, {@code ERROR_INVAL} when the vdev is not a CD drive.
     */
    void changeMedium(UUID vmId, DiskSpec medium);

    /** Adds a NIC; {@code ERROR_DEVICE_EXISTS} when the domain has a NIC with that MAC already. */
    void plugNic(UUID vmId, NicSpec nic);

    /** Removes the NIC with this MAC; {@code ERROR_NOTFOUND} when there is none. */
    void unplugNic(UUID vmId, String mac);
}
