package org.xenplane.xenapi.service;

import java.util.UUID;
import org.xenplane.core.security.Role;

/**
 * A XenAPI session: a login session of the identity service. {@code token} is its bearer secret,
 * which every REST call of a message presents; never logged.
 */
public record Session(String ref, String token, UUID id, String username, Role role) {
    @Override
    public String toString() {
        return "Session[" + id + ", " + username + "]";
    }
}
