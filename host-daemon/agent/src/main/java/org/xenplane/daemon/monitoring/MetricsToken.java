package org.xenplane.daemon.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.xenplane.daemon.DaemonConfig;

/**
 * The bearer token that Prometheus presents at the daemon's metrics endpoints ({@code /metrics} and
 * {@code /q/metrics}), {@code xenplane.daemon.metrics.token}, compared in constant time. With no
 * token configured every scrape is refused (fail closed): the series name hosts and VMs.
 */
@ApplicationScoped
public class MetricsToken {
    static final String CHALLENGE = "Bearer realm=\"xenplane-metrics\"";

    private final Optional<String> token;

    public MetricsToken(DaemonConfig config) {
        this.token = config.metrics().token().map(String::trim).filter(t -> !t.isEmpty());
    }

    /** Why this {@code Authorization} header may not scrape; empty when it may. */
    public Optional<String> refusal(String authorization) {
        if (token.isEmpty()) {
            return Optional.of("set xenplane.daemon.metrics.token to enable the metrics endpoints\n");
        }
        return matches(authorization) ? Optional.empty() : Optional.of("bearer token required\n");
    }

    private boolean matches(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), presented);
    }
}
