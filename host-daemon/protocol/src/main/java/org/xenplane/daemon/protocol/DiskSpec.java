package org.xenplane.daemon.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A virtual disk to plug into a domain (XenAPI {@code VBD} with its {@code VDI}'s path; libxl
 * {@code libxl_device_disk}).
 *
 * @param vdev     the device name in the guest, e.g. {@code xvda}
 * @param path     the backing file or block device in dom0; null only for an empty CD drive
 * @param format   {@code raw} or {@code qcow2}
 * @param readOnly true for CD-ROM images and read-only disks
 * @param cdrom    true for a CD drive (libxl {@code is_cdrom}): its medium can be inserted and ejected
 */
public record DiskSpec(
        @NotBlank @Size(max = 16) @Pattern(regexp = "[a-z]+[0-9a-z]*") String vdev,
        @Size(max = 4096) String path,
        @NotBlank @Pattern(regexp = "raw|qcow2") String format,
        boolean readOnly,
        boolean cdrom) {

    /** A disk (not a CD drive). */
    public DiskSpec(String vdev, String path, String format, boolean readOnly) {
        this(vdev, path, format, readOnly, false);
    }

    /** Only a CD drive may be empty. */
    @JsonIgnore
    @AssertTrue(message = "a disk needs a path; only a CD drive may be empty")
    public boolean isPathGivenUnlessCdrom() {
        return cdrom || hasMedium();
    }

    /** Whether a medium is in the drive (always, for a disk). */
    public boolean hasMedium() {
        return path != null && !path.isEmpty();
    }
}
