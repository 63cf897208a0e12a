package org.xenplane.daemon.protocol.storage;

import java.util.List;

/** The answer of a scan: every volume of an SR, and the SR's space. */
public record VolumeList(List<VolumeInfo> volumes, SrStats stats) {
}
