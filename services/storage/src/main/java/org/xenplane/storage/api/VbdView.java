package org.xenplane.storage.api;

import java.util.List;
import java.util.UUID;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;

/** A VM's disk slot. {@code attachedHostId} is where it is attached while {@code currentlyAttached}. */
public record VbdView(UUID id, UUID vmId, UUID vdiId, String device, int userdevice, VbdMode mode, VbdType type,
                      boolean bootable, boolean empty, boolean currentlyAttached, UUID attachedHostId, long version,
                      List<String> allowedOperations) {
}
