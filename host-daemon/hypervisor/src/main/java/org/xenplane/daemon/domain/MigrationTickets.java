package org.xenplane.daemon.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.daemon.protocol.DomainSpec;

/**
 * Incoming migrations this host has agreed to receive: each has an id (in the stream URL) and a
 * single-use secret ticket that the sending daemon presents. A ticket expires unused after a while.
 */
final class MigrationTickets {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Incoming(UUID id, String ticket, DomainSpec spec, Instant expires) {
    }

    private final Duration lifetime;
    private final Map<UUID, Incoming> pending = new ConcurrentHashMap<>();

    MigrationTickets(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Incoming issue(DomainSpec spec) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = "xpm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Incoming incoming = new Incoming(UUID.randomUUID(), ticket, spec, Instant.now().plus(lifetime));
        pending.values().removeIf(i -> i.expires().isBefore(Instant.now()));
        pending.put(incoming.id(), incoming);
        return incoming;
    }

    /** The migration if the ticket is right and unexpired; it cannot be used again. */
    Optional<Incoming> redeem(UUID id, String ticket) {
        Incoming incoming = pending.get(id);
        if (incoming == null || ticket == null || incoming.expires().isBefore(Instant.now())
                || !MessageDigest.isEqual(incoming.ticket().getBytes(StandardCharsets.UTF_8),
                        ticket.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return pending.remove(id, incoming) ? Optional.of(incoming) : Optional.empty();
    }
}
