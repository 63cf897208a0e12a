package org.xenplane.core.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.xenplane.core.config.CoreConfig;

/**
 * At first start (no bootstrap admin in the store) creates the bootstrap administrator's API
 * token: the one given in {@code xenplane.bootstrap.admin-token} (environment variable
 * {@code XENPLANE_BOOTSTRAP_ADMIN_TOKEN}, e.g. from a Kubernetes Secret), or a fresh one printed
 * once to standard output, never to the log. Only its hash is stored. Replicas starting together
 * serialise on an advisory lock, so exactly one admin is created.
 */
@ApplicationScoped
public class BootstrapAdmin {
    public static final String NAME = "bootstrap-admin";
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);
    private static final long LOCK_KEY = 0x58504241444d494eL; // "XPBADMIN"

    private final EntityManager em;
    private final Optional<String> configuredToken;

    public BootstrapAdmin(EntityManager em, CoreConfig.Bootstrap config) {
        this.em = em;
        this.configuredToken = config.adminToken();
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureAdmin);
    }

    private void ensureAdmin() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        if (Credential.count("name = ?1 and kind = ?2", NAME, CallerKind.USER) > 0) {
            return;
        }
        boolean generated = configuredToken.isEmpty();
        String secret = configuredToken.orElseGet(() -> Tokens.newSecret(Tokens.USER_PREFIX));
        Credential.create(CallerKind.USER, "admin", NAME, Role.POOL_ADMIN, secret).persist();
        if (generated) {
            System.out.println("""

                    ==================================================================
                    Xenplane first start: the bootstrap administrator's API token is
                      %s
                    It is shown this once and stored only as a hash. Use it as
                      Authorization: Bearer <token>
                    ==================================================================
                    """.formatted(secret));
        }
        LOG.info("Created the bootstrap administrator (pool-admin)");
    }
}
