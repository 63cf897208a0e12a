package org.xenplane.storage.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A PBD: an SR's attachment to a host, and whether it is plugged now. */
public record PbdView(UUID id, UUID srId, UUID hostId, Map<String, String> deviceConfig, boolean currentlyAttached,
                      long version, List<String> allowedOperations) {
}
