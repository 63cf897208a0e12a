package org.xenplane.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A session. {@code token} is present only in the answer to the login that created it.
 *
 * @param id        the session's id (not its secret)
 * @param username  who logged in
 * @param role      what the session may do
 * @param expiresAt the absolute expiry; an idle session expires earlier
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(UUID id, String token, String username, String role, Instant createdAt, Instant expiresAt,
                          long idleTimeoutSeconds) {
}
