package org.xenplane.storage.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a VDI holds (XenAPI {@code vdi_type}, the ones Xenplane uses). */
public enum VdiType {
    USER, SYSTEM, SUSPEND;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VdiType fromWireName(String name) {
        for (VdiType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("user, system or suspend");
    }
}
