package org.xenplane.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.security.Role;
import org.xenplane.identity.model.User;

/**
 * At first start (no users at all) creates the bootstrap administrator, user {@code admin}, as a
 * pool-admin. Its password is {@code xenplane.bootstrap.admin-password} (environment
 * {@code XENPLANE_BOOTSTRAP_ADMIN_PASSWORD}, e.g. from a Kubernetes Secret), or a new one printed
 * once to standard output, never to the log. The bootstrap API token, if configured, belongs to
 * the same user.
 */
@ApplicationScoped
public class BootstrapUser {
    public static final String NAME = "admin";
    private static final Logger LOG = Logger.getLogger(BootstrapUser.class);
    private static final long LOCK_KEY = 0x5850424155534552L; // "XPBAUSER"

    private final EntityManager em;
    private final Passwords passwords;
    private final Optional<String> configuredPassword;

    public BootstrapUser(EntityManager em, Passwords passwords, IdentityConfig.Bootstrap config) {
        this.em = em;
        this.passwords = passwords;
        this.configuredPassword = config.adminPassword();
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureAdmin);
    }

    private void ensureAdmin() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        if (User.count() > 0) {
            return;
        }
        String password = configuredPassword.orElseGet(BootstrapUser::generate);
        User admin = new User();
        admin.id = UUID.randomUUID();
        admin.name = NAME;
        admin.fullName = "Bootstrap administrator";
        admin.enabled = true;
        admin.roleName = Role.POOL_ADMIN.wireName();
        admin.passwordHash = passwords.hash(password);
        admin.createdAt = Instant.now();
        admin.passwordChangedAt = admin.createdAt;
        admin.persist();
        if (configuredPassword.isEmpty()) {
            System.out.println("""

                    ==================================================================
                    Xenplane first start: user 'admin' (pool-admin) has the password
                      %s
                    It is shown this once and stored only as a bcrypt hash.
                    Log in with POST /api/v1/session and change it.
                    ==================================================================
                    """.formatted(password));
        }
        LOG.info("Created the bootstrap administrator user 'admin' (pool-admin)");
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
