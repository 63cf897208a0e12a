package org.xenplane.core.daemon;

import java.util.UUID;

/**
 * A pool host as the services that call its daemon see it (vm, storage, network): its id (the
 * daemon credential derives from it), name, daemon URL ({@code host.daemon_url}, e.g.
 * {@code http://10.0.0.5:8444/daemon/v1/hosts/xen1}), liveness, whether it takes new VMs, and its
 * memory. Read from the pool's {@code host} table by {@link Hosts}.
 */
public record HostRef(UUID id, String name, String daemonUrl, boolean live, boolean enabled, long memoryTotal) {
}
