package org.xenplane.daemon.protocol.storage;

import java.util.UUID;

/**
 * One volume (the storage of a VDI) as the backend sees it.
 *
 * @param id                  the volume's id (the VDI's uuid, or a hidden base's)
 * @param virtualSize         bytes the guest sees
 * @param physicalUtilisation bytes it takes on the SR
 * @param parentId            the volume it is an overlay on (qcow2 backing file), or null
 * @param format              {@code qcow2} or {@code raw}: what the hypervisor opens
 * @param path                where the hypervisor opens it on this host
 */
public record VolumeInfo(UUID id, long virtualSize, long physicalUtilisation, UUID parentId, String format, String path) {
}
