package org.xenplane.identity.api;

import java.time.Instant;
import java.util.UUID;
import org.xenplane.identity.model.User;

/** A user as clients see it: never the password or its hash. */
public record UserView(UUID id, String username, String fullName, boolean enabled, String role, Instant createdAt,
                       Instant passwordChangedAt, long version) {

    public static UserView of(User u) {
        return new UserView(u.id, u.name, u.fullName, u.enabled, u.roleName, u.createdAt, u.passwordChangedAt, u.version);
    }
}
