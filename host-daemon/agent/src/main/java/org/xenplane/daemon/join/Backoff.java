package org.xenplane.daemon.join;

import java.time.Duration;

/**
 * Exponential back-off between retries: {@code first}, doubled each attempt, capped at {@code max}.
 *
 * @param first the delay after the first failure
 * @param max   the longest delay
 */
public record Backoff(Duration first, Duration max) {

    /** Joining: 1 s, 2 s, 4 s, 8 s, then every 10 s. */
    public static final Backoff JOIN = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** The delay after failed attempt number {@code attempt} (1-based). */
    public Duration delay(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
