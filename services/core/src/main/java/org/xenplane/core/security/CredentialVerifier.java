package org.xenplane.core.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a bearer secret against the shared store, behind a short cache. Every replica of
 * every service verifies on its own (no call to another service); a revocation written to the
 * store takes effect everywhere within {@code xenplane.security.credential-cache-ttl}.
 */
@ApplicationScoped
public class CredentialVerifier {
    private static final int MAX_CACHED = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CredentialVerifier(@ConfigProperty(name = "xenplane.security.credential-cache-ttl", defaultValue = "3s") Duration ttl) {
        this.ttl = ttl;
        this.clock = Clock.systemUTC();
    }

    public Optional<Caller> verify(String secret) {
        String hash = Tokens.hash(secret);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached == null || cached.checkedAt.plus(ttl).isBefore(now)) {
            cached = new Cached(load(hash), now);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(hash, cached);
        }
        Credential credential = cached.credential;
        if (credential == null || !credential.usableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(credential.toCaller());
    }

    /** Forgets what this replica cached (for the replica that made a revocation). */
    public void invalidateAll() {
        cache.clear();
    }

    private static Credential load(String hash) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Credential found = Credential.find("tokenHash", hash).firstResult();
            if (found != null) {
                Credential.getEntityManager().detach(found);
            }
            return found;
        });
    }

    private record Cached(Credential credential, Instant checkedAt) {
    }
}
