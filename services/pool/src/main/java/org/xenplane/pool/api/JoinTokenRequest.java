package org.xenplane.pool.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Asks for a join token valid for {@code ttlSeconds} (60 s to 7 days; default one hour). */
public record JoinTokenRequest(@Min(60) @Max(604800) Integer ttlSeconds) {
}
