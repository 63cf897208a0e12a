package org.xenplane.core.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credential the control plane presents to a host's daemon: HMAC-SHA256 of the host id under
 * the pool secret. Every replica computes it, none stores it, and it is handed to the daemon
 * once, at join.
 */
@ApplicationScoped
public class DaemonCredentials {
    public static final String PREFIX = "xpc_";

    private final PoolSecret secret;

    public DaemonCredentials(PoolSecret secret) {
        this.secret = secret;
    }

    public String forHost(UUID hostId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] tag = mac.doFinal(("daemon:" + hostId).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
