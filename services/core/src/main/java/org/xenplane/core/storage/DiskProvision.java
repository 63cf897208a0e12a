package org.xenplane.core.storage;

import java.util.UUID;

/**
 * One disk a VM gets when it is made from a template (XAPI's {@code VM.provision}): a new, empty
 * VDI of {@code virtualSize} bytes on {@code srId} (null: the pool's default SR), in slot
 * {@code userdevice}, read-write.
 *
 * @param name the new VDI's name
 */
public record DiskProvision(UUID srId, long virtualSize, int userdevice, boolean bootable, String name) {
}
