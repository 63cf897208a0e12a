package org.xenplane.identity.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The identity service's settings ({@code xenplane.identity.*}); defaults in its
 * microprofile-config.properties. The bootstrap administrator's password is under
 * {@code xenplane.bootstrap.*}, the namespace it shares with core's bootstrap token.
 */
@ConfigMapping(prefix = "xenplane.identity")
public interface IdentityConfig {

    Session session();

    Password password();

    Lockout lockout();

    interface Session {
        /** A session unused for this long expires. */
        Duration idleTimeout();

        /** Every session expires this long after login. */
        Duration absoluteTimeout();

        /** Sessions a user may hold; logging in beyond it ends the oldest. */
        int maxPerUser();
    }

    interface Password {
        /** bcrypt work factor. */
        int bcryptCost();

        int minLength();
    }

    interface Lockout {
        /** From this many failures on, each attempt waits (failures - N + 1) seconds. */
        int slowdownAfter();

        /** After this many failures the name or address is locked out for {@link #duration()}. */
        int lockAfter();

        Duration duration();

        /** Counters reset after this long without a failure. */
        Duration window();
    }
}
