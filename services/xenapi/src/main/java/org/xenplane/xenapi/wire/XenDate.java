package org.xenplane.xenapi.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A XenAPI datetime: XAPI writes it as {@code 20260107T03:04:05Z} (ISO 8601 basic date, extended
 * time, UTC), as a {@code dateTime.iso8601} in XML-RPC and as a string in JSON-RPC.
 */
public record XenDate(Instant instant) {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** XAPI's "never" (e.g. a task not finished yet): the epoch. */
    public static final XenDate NEVER = new XenDate(Instant.EPOCH);

    public static XenDate of(Instant instant) {
        return instant == null ? NEVER : new XenDate(instant);
    }

    @Override
    public String toString() {
        return FORMAT.format(instant);
    }
}
