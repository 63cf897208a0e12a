package org.xenplane.core.daemon;

import java.util.UUID;

/**
 * A host's daemon as the control plane reaches it: the host's id (its credential derives from
 * it) and its daemon URL ({@code host.daemon_url}, e.g. {@code http://10.0.0.5:8444/daemon/v1/hosts/xen1}).
 */
public record DaemonTarget(UUID hostId, String daemonUrl) {
}
