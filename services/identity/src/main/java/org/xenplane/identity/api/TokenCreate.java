package org.xenplane.identity.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.xenplane.core.security.Role;

/**
 * A new API token: a name, a role no higher than the creator's (default: the creator's), and an
 * optional lifetime (60 s to 10 years; default: no expiry).
 */
public record TokenCreate(
        @NotNull @Pattern(regexp = "[\\p{Alnum} ._:@-]{1,100}") String name,
        Role role,
        @Min(60) @Max(315_360_000) Long expiresInSeconds) {
}
