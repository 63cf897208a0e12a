package org.xenplane.daemon.monitoring;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Puts Quarkus's own {@code /q/metrics} (JVM, HTTP, heartbeat and HA fence counters by host name)
 * behind the same bearer token as {@code /metrics}: a route filter, since that endpoint is not
 * one of the daemon's resources. Health stays open (the probes carry no token).
 */
@ApplicationScoped
public class QuarkusMetricsGuard {
    private static final String PATH = "/q/metrics";
    /** Before every route's own handlers. */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters, MetricsToken token) {
        filters.register(ctx -> {
            String path = ctx.normalizedPath();
            boolean metrics = path.equals(PATH) || path.startsWith(PATH + "/");
            Optional<String> refusal = metrics ? token.refusal(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)) : Optional.empty();
            if (refusal.isEmpty()) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", MetricsToken.CHALLENGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(refusal.get());
        }, PRIORITY);
    }
}
