package org.xenplane.xenapi.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The XenAPI adapter's settings ({@code xenplane.xenapi.*}, documented in docs/xenapi.md). */
@ConfigMapping(prefix = "xenplane.xenapi")
public interface XenApiConfig {

    /**
     * The base URL of the REST API the adapter calls for every message: the ingress when the
     * services run apart. Unset (the default), this process on the loopback at its own HTTP port.
     */
    Optional<String> apiUrl();

    /** How long a synchronous call (VM.start, ...) waits for its task before answering a timeout. */
    @WithDefault("10m")
    Duration syncWait();
}
