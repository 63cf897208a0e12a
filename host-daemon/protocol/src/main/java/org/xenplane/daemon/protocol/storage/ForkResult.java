package org.xenplane.daemon.protocol.storage;

/** The three volumes after a fork: the new base, the original (now an overlay) and the new leaf. */
public record ForkResult(VolumeInfo base, VolumeInfo original, VolumeInfo leaf) {
}
