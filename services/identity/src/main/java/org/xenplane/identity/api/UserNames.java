package org.xenplane.identity.api;

/** What a user name may look like: 1 to 64 letters, digits, dots, dashes, underscores and @. */
public final class UserNames {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

    private UserNames() {
    }
}
