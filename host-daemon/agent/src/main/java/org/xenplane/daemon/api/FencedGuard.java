package org.xenplane.daemon.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xenplane.daemon.ha.HaLeases;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.protocol.WireError;

/**
 * While a host is fenced by HA, refuses what would run a domain or touch storage on it: domain
 * create ({@code PUT .../domains/{vm}}) and restore, incoming migrations (the preparation and the
 * stream), and every storage call that is not a read. The answer is {@code 503 HOST_OFFLINE} with
 * {@code detail} saying the host is fenced, until a heartbeat sent after the fence is acknowledged.
 * Runs after {@link DaemonAuthenticator}, so only the control plane learns that a host is fenced.
 */
public class FencedGuard {
    private static final Pattern HOST_CALL = Pattern.compile(
            "/?(?:daemon|migration)/v1/hosts/([^/]+)(/.*)?");
    private static final Pattern DOMAIN = Pattern.compile("/domains/[^/]+");
    private static final Pattern RESTORE = Pattern.compile("/domains/[^/]+/restore");

    private final LocalHosts hosts;
    private final HaLeases leases;

    public FencedGuard(LocalHosts hosts, HaLeases leases) {
        this.hosts = hosts;
        this.leases = leases;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> filter(ContainerRequestContext request) {
        Matcher call = HOST_CALL.matcher(request.getUriInfo().getPath());
        if (!call.matches() || hosts.find(call.group(1)).isEmpty()) {
            return Optional.empty();
        }
        String key = call.group(1);
        String rest = call.group(2) == null ? "" : call.group(2);
        boolean stream = request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("migration/");
        if (!refused(request.getMethod(), rest, stream) || !leases.of(key).view().fenced()) {
            return Optional.empty();
        }
        return Optional.of(DaemonProblem.response(new DaemonException(WireError.HOST_OFFLINE, Map.of(),
                key + " is fenced by HA: it runs no domain and touches no storage until the control plane"
                        + " acknowledges its heartbeat")));
    }

    static boolean refused(String method, String rest, boolean migrationStream) {
        if (migrationStream) {
            return "POST".equals(method);
        }
        return ("PUT".equals(method) && DOMAIN.matcher(rest).matches())
                || ("POST".equals(method) && RESTORE.matcher(rest).matches())
                || ("POST".equals(method) && rest.equals("/incoming-migrations"))
                || (!"GET".equals(method) && !"HEAD".equals(method) && rest.startsWith("/srs/"));
    }
}
