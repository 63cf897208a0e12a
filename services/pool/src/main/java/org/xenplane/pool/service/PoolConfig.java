package org.xenplane.pool.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The pool service's settings ({@code xenplane.pool.*}); defaults in its microprofile-config.properties. */
@ConfigMapping(prefix = "xenplane.pool")
public interface PoolConfig {

    /** A host is not live when its daemon has not sent a heartbeat for this long. */
    Duration heartbeatTimeout();

    /** How often the control plane looks for hosts whose heartbeats stopped ({@link HostLiveness}'s schedule). */
    Duration livenessCheckInterval();

    /** Lifetime of a join token unless the request says otherwise. */
    Duration joinTokenTtl();
}
