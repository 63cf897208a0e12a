package org.xenplane.storage.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A disk or a CD drive (XenAPI {@code vbd_type}: {@code Disk}, {@code CD}). */
public enum VbdType {
    DISK("Disk"), CD("CD");

    private final String wireName;

    VbdType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static VbdType fromWireName(String name) {
        for (VbdType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Disk or CD");
    }
}
