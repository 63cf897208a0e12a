package org.xenplane.identity.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/session}: a user name and password. */
public record LoginRequest(
        @NotNull @Pattern(regexp = UserNames.PATTERN) String username,
        @NotNull @Size(min = 1, max = 1024) String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=<hidden>]";
    }
}
