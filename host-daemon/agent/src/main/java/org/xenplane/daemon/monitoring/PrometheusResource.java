package org.xenplane.daemon.monitoring;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /metrics}: every local host's and VM's newest sample for Prometheus, behind the bearer
 * token {@code xenplane.daemon.metrics.token} ({@link MetricsToken}; Prometheus:
 * {@code authorization: {credentials: ...}}).
 */
@Path("/metrics")
public class PrometheusResource {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsPublisher metrics;
    private final MetricsToken token;

    public PrometheusResource(MetricsPublisher metrics, MetricsToken token) {
        this.metrics = metrics;
        this.token = token;
    }

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> refusal = token.refusal(authorization);
        if (refusal.isPresent()) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, MetricsToken.CHALLENGE)
                    .type("text/plain").entity(refusal.get()).build();
        }
        return Response.ok(metrics.prometheusText(), CONTENT_TYPE).build();
    }
}
