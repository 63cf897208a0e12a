package org.xenplane.xenapi.service.events;

import java.util.OptionalLong;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * {@code event.from}'s token in XAPI's form, {@code %020d,%020d}: the Xenplane event id, then
 * XAPI's message generation (always 0: messages are events here). The empty token means "from
 * the beginning" (every object as an {@code add} event), as in XAPI.
 */
public final class EventToken {
    private EventToken() {
    }

    public static String of(long id) {
        return String.format("%020d,%020d", id, 0L);
    }

    /** The id in {@code token}; empty for XAPI's empty token; EVENT_FROM_TOKEN_PARSE_FAILURE [token] otherwise. */
    public static OptionalLong parse(Object token) {
        String text = token instanceof String s ? s : String.valueOf(token);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String[] parts = text.split(",", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            long id = Long.parseLong(parts[0]);
            Long.parseLong(parts[1]);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(id);
        } catch (NumberFormatException e) {
            throw new XenApiFailure("EVENT_FROM_TOKEN_PARSE_FAILURE", text.length() > 100 ? text.substring(0, 100) : text);
        }
    }
}
