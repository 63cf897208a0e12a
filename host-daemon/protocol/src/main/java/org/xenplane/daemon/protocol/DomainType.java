package org.xenplane.daemon.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a guest is virtualised (XenAPI {@code domain_type}, libxl {@code c_info.type}). */
public enum DomainType {
    /** Paravirtualised: the guest kernel is loaded by the toolstack. */
    PV,
    /** PVH: hardware-assisted container for a PV-aware kernel, direct kernel boot. */
    PVH,
    /** Fully virtualised with emulated firmware (boot order from disks and CD-ROMs). */
    HVM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DomainType fromWireName(String name) {
        for (DomainType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown domain type '" + name + "': use pv, pvh or hvm");
    }

    /** Whether the toolstack boots the guest's kernel directly (pv and pvh). */
    public boolean directKernelBoot() {
        return this != HVM;
    }
}
