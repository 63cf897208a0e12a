package org.xenplane.daemon.protocol;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A virtual disk to plug into a domain (XenAPI {@code VBD} with its {@code VDI}'s path).
 *
 * @param vdev     the device name in the guest, e.g. {@code xvda}
 * @param path     the backing file or block device in dom0
 * @param format   {@code raw} or {@code qcow2}
 * @param readOnly true for CD-ROM images and read-only disks
 */
public record DiskSpec(
        @NotBlank @Size(max = 16) @Pattern(regexp = "[a-z]+[0-9a-z]*") String vdev,
        @NotBlank @Size(max = 4096) String path,
        @NotBlank @Pattern(regexp = "raw|qcow2") String format,
        boolean readOnly) {
}
