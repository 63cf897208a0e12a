package org.xenplane.storage.service;

import io.smallrye.config.ConfigMapping;

/** The storage service's settings ({@code xenplane.storage.*}); defaults in its microprofile-config.properties. */
@ConfigMapping(prefix = "xenplane.storage")
public interface StorageConfig {

    /** How many times its physical size the virtual sizes of an SR's VDIs may add up to. */
    double overcommitRatio();

    /** The largest virtual size of one VDI, in bytes. */
    long maxVirtualSize();

    /** How often hosts without local storage yet are asked which directory their daemon offers ({@link LocalSrs}). */
    java.time.Duration localSrInterval();
}
