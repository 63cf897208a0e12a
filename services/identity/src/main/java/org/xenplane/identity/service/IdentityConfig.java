package org.xenplane.identity.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * The identity service's settings ({@code xenplane.identity.*}); defaults in its
 * microprofile-config.properties. The bootstrap administrator's password is under
 * {@code xenplane.bootstrap.*}, the namespace it shares with core's bootstrap token: {@link Bootstrap}.
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

    /** {@code xenplane.bootstrap.*}: the part the identity service reads. */
    @ConfigMapping(prefix = "xenplane.bootstrap")
    interface Bootstrap {
        /**
         * The bootstrap administrator's password at first start (env
         * {@code XENPLANE_BOOTSTRAP_ADMIN_PASSWORD}); absent: a new one is printed once. Secret.
         */
        Optional<String> adminPassword();
    }
}
