package org.xenplane.daemon.driver.stats;

/** Bytes and requests of a virtual disk since it was plugged. */
public record DiskCounters(long readBytes, long writeBytes, long readRequests, long writeRequests) {
}
