package org.xenplane.daemon.driver.stats;

/** Bytes received and transmitted since the interface appeared, from the guest's (or host's) point of view. */
public record NetCounters(long rxBytes, long txBytes) {
}
