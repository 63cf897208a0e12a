package org.xenplane.identity.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xenplane.core.security.Role;

/** A new user: name, full name, role and initial password. */
public record UserCreate(
        @NotNull @Pattern(regexp = UserNames.PATTERN) String name,
        @Size(max = 255) String fullName,
        @NotNull Role role,
        @NotNull @Size(max = 1024) String password) {
    @Override
    public String toString() {
        return "UserCreate[name=" + name + ", role=" + role + ", password=<hidden>]";
    }
}
