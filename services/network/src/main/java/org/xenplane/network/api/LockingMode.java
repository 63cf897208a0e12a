package org.xenplane.network.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** XenAPI's VIF locking modes (recorded and handed to the hypervisor; see docs/network.md). */
public enum LockingMode {
    NETWORK_DEFAULT("network_default"), LOCKED("locked"), UNLOCKED("unlocked"), DISABLED("disabled");

    private final String wireName;

    LockingMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static LockingMode fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown locking mode '" + name + "'; one of network_default, locked, unlocked, disabled"));
    }
}
