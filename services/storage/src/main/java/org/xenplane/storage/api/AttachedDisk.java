package org.xenplane.storage.api;

import java.util.UUID;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;

/**
 * A disk made ready on a host for the hypervisor: what the VM service hands its hypervisor
 * driver (qdisk) for each VBD. An empty CD drive has no path.
 *
 * @param path   the image on the host, e.g. {@code /srv/sr1/<vdi>.qcow2} or {@code /dev/xenplane-<sr>/vol-<vdi>}
 * @param format {@code qcow2} (every SR type keeps qcow2 images), or null for an empty drive
 */
public record AttachedDisk(UUID vbdId, UUID vdiId, String device, int userdevice, VbdMode mode, VbdType type,
                           boolean bootable, boolean empty, UUID hostId, String path, String format) {
}
