package org.xenplane.core.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.core.config.CoreConfig;

/**
 * Verifies a bearer secret against the shared store, behind a short cache. Every replica of
 * every service verifies on its own (no call to another service); a revocation written to the
 * store takes effect everywhere within {@code xenplane.security.credential-cache-ttl}.
 *
 * <p>Opaque tokens looked up by hash were chosen over signed JWTs: logout and revocation are a
 * single row update that every replica sees within the cache TTL, with no revocation list to
 * distribute and no signing key to rotate. The cost is one indexed lookup per token per TTL.
 *
 * <p>Sessions expire after a time without use; their last use is written at most every
 * {@link #touchInterval(Credential)}, not on every request.
 */
@ApplicationScoped
public class CredentialVerifier {
    private static final int MAX_CACHED = 10_000;
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CredentialVerifier(CoreConfig.Security config) {
        this.ttl = config.credentialCacheTtl();
    }

    public Optional<Caller> verify(String secret) {
        String hash = Tokens.hash(secret);
        Instant now = Instant.now();
        Cached cached = cache.get(hash);
        if (cached == null || cached.checkedAt.plus(ttl).isBefore(now)) {
            cached = new Cached(load(hash, now), now);
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

    /** Forgets what this replica cached about one secret (the replica that revoked it sees it at once). */
    public void forget(String secret) {
        cache.remove(Tokens.hash(secret));
    }

    /** Forgets everything this replica cached. */
    public void invalidateAll() {
        cache.clear();
    }

    private static Credential load(String hash, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Credential found = Credential.find("tokenHash", hash).firstResult();
            if (found == null) {
                return null;
            }
            Credential.getEntityManager().detach(found);
            if (found.usableAt(now) && found.idleTimeoutSeconds != null
                    && found.lastUsedAt.plus(touchInterval(found)).isBefore(now)) {
                Credential.update("lastUsedAt = ?1 where id = ?2", now, found.id);
                found.lastUsedAt = now;
            }
            return found;
        });
    }

    /** A quarter of the idle timeout, at most a minute: an active session never looks idle. */
    static Duration touchInterval(Credential credential) {
        Duration quarter = Duration.ofSeconds(credential.idleTimeoutSeconds).dividedBy(4);
        return quarter.compareTo(MAX_TOUCH_INTERVAL) < 0 ? quarter : MAX_TOUCH_INTERVAL;
    }

    private record Cached(Credential credential, Instant checkedAt) {
    }
}
