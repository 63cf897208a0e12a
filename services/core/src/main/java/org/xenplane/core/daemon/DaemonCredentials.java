package org.xenplane.core.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The credential the control plane presents to a host's daemon: HMAC-SHA256 of the host id under
 * the pool secret. Every replica computes it, none stores it, and it is handed to the daemon
 * once, at join.
 */
@ApplicationScoped
public class DaemonCredentials {
    public static final String PREFIX = "xpc_";

    private final PoolSecret secret;

    public DaemonCredentials(PoolSecret secret) {
        this.secret = secret;
    }

    public String forHost(UUID hostId) {
        return PREFIX + secret.tag("daemon:" + hostId);
    }
}
