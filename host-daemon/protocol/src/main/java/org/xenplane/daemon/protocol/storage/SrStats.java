package org.xenplane.daemon.protocol.storage;

/**
 * An SR's space as its backend sees it, in bytes.
 *
 * @param physicalSize        the size of the storage (file system, volume group, export)
 * @param physicalUtilisation the bytes in use on it
 */
public record SrStats(long physicalSize, long physicalUtilisation) {
}
