package org.xenplane.core.task;

import com.fasterxml.jackson.annotation.JsonValue;

/** XenAPI's task status: a running task is {@code pending} with its progress. */
public enum TaskStatus {
    PENDING, SUCCESS, FAILURE, CANCELLING, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public boolean finished() {
        return this == SUCCESS || this == FAILURE || this == CANCELLED;
    }

    public static TaskStatus fromWireName(String name) {
        for (TaskStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task status '" + name + "'");
    }
}
