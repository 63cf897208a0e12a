package org.xenplane.core.daemon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The one configuration of the link to the host daemons ({@link DaemonTransport}), for every API
 * area (domains, storage, network).
 */
@ConfigMapping(prefix = "xenplane.daemon-client")
public interface DaemonClientConfig {
    /** Time to connect to a daemon; a daemon that does not accept in time is {@code HOST_OFFLINE}. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time for one quick call (domain and network operations, reads); calls that need more add their own. */
    @WithDefault("60s")
    Duration requestTimeout();

    /** Attempts of a call whose connection failed (1: no retry); every attempt carries the same operation id. */
    @WithDefault("3")
    int attempts();

    /** Time for a storage call that works on disks (SR create/attach, volume create, fork, coalesce, resize). */
    @WithDefault("10m")
    Duration diskTimeout();

    /** Time for a call that moves a disk's content (copies, imports, exports). */
    @WithDefault("12h")
    Duration transferTimeout();
}
