package org.xenplane.vm.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** XenAPI's {@code vm_power_state}. */
public enum PowerState {
    HALTED,
    PAUSED,
    RUNNING,
    SUSPENDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PowerState fromWireName(String name) {
        for (PowerState s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown power state '" + name + "': use halted, paused, running or suspended");
    }

    /** A domain exists on a host. */
    public boolean hasDomain() {
        return this == RUNNING || this == PAUSED;
    }
}
