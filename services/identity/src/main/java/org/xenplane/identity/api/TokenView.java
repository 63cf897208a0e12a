package org.xenplane.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An API token. The secret {@code token} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(UUID id, String name, String owner, String role, Instant createdAt, Instant expiresAt,
                        Instant revokedAt, String token) {
}
