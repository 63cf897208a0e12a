package org.xenplane.daemon.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of a domain as the hypervisor reports it. */
public enum DomainState {
    /** Scheduled (running or blocked waiting for work). */
    RUNNING,
    /** Paused by the toolstack: it keeps its memory but gets no CPU. */
    PAUSED,
    /** The guest has shut down (or crashed) and the domain awaits its destruction. */
    SHUTDOWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DomainState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
