package org.xenplane.core.storage;

import java.util.UUID;
import org.xenplane.daemon.protocol.DiskSpec;

/**
 * One of a VM's disk slots made ready on a host: what the hypervisor driver opens for it.
 *
 * @param vbd      the VBD's id
 * @param device   the guest's device name ({@code xvda}, ...)
 * @param readOnly the VBD's mode is RO
 * @param cdrom    the VBD is a CD drive
 * @param path     the image on the host, or null for an empty CD drive
 * @param format   {@code qcow2} or {@code raw}, or null for an empty CD drive
 */
public record VmDisk(UUID vbd, String device, boolean readOnly, boolean cdrom, String path, String format) {

    /** The disk as the host daemon's protocol carries it. */
    public DiskSpec spec() {
        return new DiskSpec(device, path, format == null ? "raw" : format, readOnly || cdrom, cdrom);
    }
}
