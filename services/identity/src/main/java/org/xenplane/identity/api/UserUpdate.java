package org.xenplane.identity.api;

import jakarta.validation.constraints.Size;
import org.xenplane.core.security.Role;

/** Changes to a user; absent fields stay as they are. Disabling a user ends their sessions and tokens. */
public record UserUpdate(@Size(max = 255) String fullName, Boolean enabled, Role role) {
}
