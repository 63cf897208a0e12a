package org.xenplane.core.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.core.daemon.PoolSecret;

/**
 * The credential one service presents to another (the VM service calling the storage service):
 * an API token of subject {@code service:<name>} with a fixed role, whose secret is the HMAC of
 * the service's name under the pool secret. Every replica of the calling service derives the same
 * secret and makes sure the credential is in the store (stored hashed, like every token), so
 * the called service verifies it like any other token, and the audit log names the service.
 * Revoking it stops the calls until a replica of the service starts again and restores it.
 */
@ApplicationScoped
public class ServiceCredentials {
    public static final String PREFIX = "xps_";

    private final PoolSecret secret;
    private final EntityManager em;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    public ServiceCredentials(PoolSecret secret, EntityManager em) {
        this.secret = secret;
        this.em = em;
    }

    /** The bearer secret of service {@code name}, acting with {@code role}. */
    public String tokenFor(String name, Role role) {
        return issued.computeIfAbsent(name + "/" + role.wireName(), key -> {
            String token = PREFIX + secret.tag("service:" + name + ":" + role.wireName());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into credential (id, kind, subject, name, role, token_hash, created_at, last_used_at)
                            values (?1, 'USER', ?2, ?3, ?4, ?5, ?6, ?6) on conflict (token_hash) do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, "service:" + name)
                    .setParameter(3, name + " service").setParameter(4, role.wireName())
                    .setParameter(5, Tokens.hash(token)).setParameter(6, Instant.now()).executeUpdate());
            return token;
        });
    }
}
