package org.xenplane.core.network;

import java.util.UUID;

/**
 * The snapshot a {@code vif} event carries: the network service provides it (its VIF view, with
 * {@code allowedOperations}), so that events about a VIF look the same whoever changed it. Without
 * the network service in the process, {@link VmNetworking} falls back to the VIF's columns.
 */
public interface VifSnapshots {
    Object snapshot(UUID vifId);
}
