package org.xenplane.core.event;

import java.util.List;

/**
 * The answer to {@code GET /api/v1/events}: the events after the given token and the token to
 * pass next time (XenAPI {@code event.from}'s {@code events} and {@code token}).
 */
public record EventBatch(List<EventView> events, String token) {
}
