package org.xenplane.ha.api;

import java.util.UUID;

/**
 * A protected VM of a dead host not running again yet.
 *
 * @param attempts  starts tried so far
 * @param lastError the error code of the last start that failed (e.g. {@code HOST_NOT_ENOUGH_FREE_MEMORY}), or null
 */
public record PendingRestartView(UUID vmId, UUID failedHost, String priority, int attempts, String lastError) {
}
