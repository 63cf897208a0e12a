package org.xenplane.pool.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A join token. The secret {@code token} is present only in the answer that created it.
 *
 * @param hostId the host that used it, once used
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinTokenView(UUID id, String token, String createdBy, Instant createdAt, Instant expiresAt,
                            Instant usedAt, UUID hostId) {
}
