package org.xenplane.xenapi.service;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The address of the client whose XenAPI call is being answered, for the REST calls made on its
 * behalf: {@link RestApi} passes it on as {@code X-Forwarded-For}, which the all-in-one server
 * trusts from loopback only ({@code quarkus.http.proxy.*}). Without it every XenAPI login would
 * reach the identity service from loopback, where logins are slowed but never locked out.
 * Held for the duration of one call on the thread that answers it (calls are answered on a
 * worker thread, synchronously).
 */
public final class ClientAddress {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ClientAddress() {
    }

    /** Runs {@code call} as the call of {@code address} (blank: unknown). */
    public static <T> T during(String address, Supplier<T> call) {
        String before = CURRENT.get();
        CURRENT.set(address == null || address.isBlank() ? null : address);
        try {
            return call.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The client's address, if a call is being answered on this thread. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
