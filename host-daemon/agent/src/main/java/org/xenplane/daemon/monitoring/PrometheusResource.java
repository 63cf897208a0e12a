package org.xenplane.daemon.monitoring;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.xenplane.daemon.DaemonConfig;

/**
 * {@code GET /metrics}: every local host's and VM's newest sample for Prometheus, behind the bearer
 * token {@code xenplane.daemon.metrics.token} (Prometheus: {@code authorization: {credentials: ...}}),
 * compared in constant time. No token configured: every call is refused (fail closed).
 */
@Path("/metrics")
public class PrometheusResource {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsPublisher metrics;
    private final Optional<String> token;

    public PrometheusResource(MetricsPublisher metrics, DaemonConfig config) {
        this.metrics = metrics;
        this.token = config.metrics().token().map(String::trim).filter(t -> !t.isEmpty());
    }

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (token.isEmpty() || !matches(authorization)) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"xenplane-metrics\"")
                    .type("text/plain").entity(token.isEmpty()
                            ? "set xenplane.daemon.metrics.token to enable /metrics\n" : "bearer token required\n").build();
        }
        return Response.ok(metrics.prometheusText(), CONTENT_TYPE).build();
    }

    private boolean matches(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), presented);
    }
}
