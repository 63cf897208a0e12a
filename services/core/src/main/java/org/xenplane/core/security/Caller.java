package org.xenplane.core.security;

import java.util.UUID;

/**
 * The authenticated caller of one request.
 *
 * @param kind       a user (session or API token) or a host daemon
 * @param subject    the user name, or the host id for a daemon
 * @param role       the role a user token carries; {@code null} for hosts
 * @param credential the id of the credential presented (never the secret)
 */
public record Caller(CallerKind kind, String subject, Role role, UUID credential) {

    public boolean isHost() {
        return kind == CallerKind.HOST;
    }

    public static Caller anonymous() {
        return new Caller(CallerKind.ANONYMOUS, "anonymous", null, null);
    }
}
