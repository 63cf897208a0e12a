package org.xenplane.core.daemon;

import java.util.UUID;

/**
 * What the control plane needs to call a host's daemon: its id (for the credential), name, daemon
 * URL and whether it is live. Read from the pool's {@code host} table.
 */
public record HostEndpoint(UUID id, String name, String daemonUrl, boolean live) {
}
