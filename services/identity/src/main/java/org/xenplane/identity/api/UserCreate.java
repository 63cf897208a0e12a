package org.xenplane.identity.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xenplane.core.security.Role;

/**
 * A new user: user name, full name, role and initial password. The user name is {@code username},
 * as in login; the older {@code name} is still accepted.
 */
public record UserCreate(
        @NotNull @Pattern(regexp = UserNames.PATTERN) @JsonAlias("name") String username,
        @Size(max = 255) String fullName,
        @NotNull Role role,
        @NotNull @Size(max = 1024) String password) {
    @Override
    public String toString() {
        return "UserCreate[username=" + username + ", role=" + role + ", password=<hidden>]";
    }
}
