package org.xenplane.identity.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A pool-admin sets a user's password; every session of the user ends. */
public record PasswordReset(@NotNull @Size(max = 1024) String newPassword) {
    @Override
    public String toString() {
        return "PasswordReset[<hidden>]";
    }
}
