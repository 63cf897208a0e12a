package org.xenplane.core.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to an object, with XenAPI's names. */
public enum EventOperation {
    ADD("add"), MOD("mod"), DEL("del");

    private final String wireName;

    EventOperation(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static EventOperation fromWireName(String name) {
        for (EventOperation op : values()) {
            if (op.wireName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown event operation " + name);
    }
}
