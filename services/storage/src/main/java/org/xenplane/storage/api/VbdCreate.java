package org.xenplane.storage.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.xenplane.storage.model.VbdMode;
import org.xenplane.storage.model.VbdType;

/**
 * A disk slot of VM {@code vmId}: {@code userdevice} 0-15 (0 is {@code xvda}), a VDI (none for an
 * empty CD drive), mode {@code RO} or {@code RW} (CDs are RO), type {@code Disk} or {@code CD}.
 */
public record VbdCreate(
        @NotNull UUID vmId,
        UUID vdiId,
        @NotNull @Min(0) @Max(15) Integer userdevice,
        VbdMode mode,
        VbdType type,
        Boolean bootable) {
}
