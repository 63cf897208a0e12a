package org.xenplane.daemon.driver;

import java.util.UUID;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * Plugging disks and NICs into a domain that runs, and unplugging them (hot-plug). The domain's
 * {@code devices} list ({@code vbd:<vdev>}, {@code vif:<devid>:<mac>}) shows them. Each throws
 * {@code ERROR_DOMAIN_NOTFOUND} when the domain does not exist.
 */
public interface DomainDevices {

    /** Plugs a disk in; {@code ERROR_DEVICE_EXISTS} when the domain has a disk at that vdev. */
    void attachDisk(UUID vmId, DiskSpec disk);

    /** Unplugs the disk at {@code vdev} (the guest lets go of it); {@code ERROR_NOTFOUND} when there is none. */
    void detachDisk(UUID vmId, String vdev);

    /** Plugs a NIC in; {@code ERROR_DEVICE_EXISTS} when the domain has a NIC with that MAC. */
    void attachNic(UUID vmId, NicSpec nic);

    /** Unplugs the NIC with {@code mac}; {@code ERROR_NOTFOUND} when there is none. */
    void detachNic(UUID vmId, String mac);

    /**
     * Puts a medium into a CD drive, or ejects it when {@code medium} has no path ({@code xl cd-insert},
     * {@code cd-eject}); {@code ERROR_NOTFOUND} without such a drive, {@code ERROR_INVAL} when it is not a CD drive.
     */
    void changeMedium(UUID vmId, DiskSpec medium);
}
