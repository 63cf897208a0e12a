package org.xenplane.core.daemon;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;

/**
 * The pool's secret key, from which the control plane derives what it presents to each host's
 * daemon. Created once (the first replica to need it wins), kept only in the database, never
 * returned by an API and never logged.
 */
@ApplicationScoped
public class PoolSecret {
    private static final String NAME = "daemon-link";

    private final EntityManager em;
    private volatile byte[] key;

    public PoolSecret(EntityManager em) {
        this.em = em;
    }

    byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
            key = k;
        }
        return k;
    }

    /** The HMAC-SHA256 of {@code message} under the pool secret, base64url: a credential every replica derives alike. */
    public String tag(String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key(), "HmacSHA256"));
            byte[] tag = mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private byte[] loadOrCreate() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        em.createNativeQuery("insert into pool_secret (name, value) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, NAME).setParameter(2, fresh).executeUpdate();
        return (byte[]) em.createNativeQuery("select value from pool_secret where name = ?1")
                .setParameter(1, NAME).getSingleResult();
    }
}
