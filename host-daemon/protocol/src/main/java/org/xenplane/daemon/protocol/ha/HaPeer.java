package org.xenplane.daemon.protocol.ha;

import java.util.UUID;

/** Another host of the pool, as an HA peer: its id and its daemon's base URL for that host. */
public record HaPeer(UUID hostId, String url) {
}
