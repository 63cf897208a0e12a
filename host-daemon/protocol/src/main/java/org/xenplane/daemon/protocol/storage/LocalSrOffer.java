package org.xenplane.daemon.protocol.storage;

/**
 * What a host offers as its local storage (XenServer's "Local storage"): the directory of a
 * {@code file} SR, or no path when the daemon offers none ({@code xenplane.daemon.storage.local-sr=false},
 * or the directory lies outside its allowed file roots).
 *
 * @param path absolute directory of the host's local {@code file} SR, or null
 */
public record LocalSrOffer(String path) {
}
