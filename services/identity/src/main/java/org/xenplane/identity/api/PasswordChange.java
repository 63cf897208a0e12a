package org.xenplane.identity.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A user changes their own password, proving the old one; their other sessions end. */
public record PasswordChange(@NotNull @Size(max = 1024) String oldPassword, @NotNull @Size(max = 1024) String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[<hidden>]";
    }
}
