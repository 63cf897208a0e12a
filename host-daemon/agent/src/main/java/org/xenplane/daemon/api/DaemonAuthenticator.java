package org.xenplane.daemon.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xenplane.daemon.host.HostPower;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.Membership;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.ha.HaLease;

/**
 * Guards every endpoint under {@code /daemon/}: the path names a local host ({@code {localKey}})
 * and the caller presents that host's control-plane credential as a bearer token, compared in
 * constant time. Unknown host: 404 {@code HANDLE_INVALID}; not joined yet: 503
 * {@code HOST_OFFLINE}; missing or wrong credential: 401 {@code SESSION_AUTHENTICATION_FAILED}.
 * An endpoint under {@code /daemon/} without a {@code {localKey}} is refused: fail closed. One
 * exception: {@code GET .../{localKey}/ha/status}, which other daemons of the pool call with the
 * pool's peer token, checked by {@link HaStatusResource} itself.
 */
public class DaemonAuthenticator {
    public static final String API_PREFIX = "/daemon/";
    public static final String LOCAL_KEY = "localKey";
    private static final String BEARER = "bearer ";
    private static final Pattern PEER_STATUS = Pattern.compile(
            "/?" + DaemonProtocol.DAEMON_ROOT.substring(1) + "/[^/]+" + HaLease.PEER_STATUS);

    private final LocalHosts hosts;
    private final Memberships memberships;
    private final CurrentHost current;
    private final HostPower power;

    public DaemonAuthenticator(LocalHosts hosts, Memberships memberships, CurrentHost current, HostPower power) {
        this.hosts = hosts;
        this.memberships = memberships;
        this.current = current;
        this.power = power;
    }

    @ServerRequestFilter
    public Optional<Response> filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.startsWith(API_PREFIX) || ("/" + path).startsWith(API_PREFIX))) {
            return Optional.empty();
        }
        if ("GET".equals(request.getMethod()) && PEER_STATUS.matcher(path).matches()) {
            return Optional.empty();
        }
        try {
            String key = request.getUriInfo().getPathParameters().getFirst(LOCAL_KEY);
            authenticate(key, request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (!power.isOn(key) && !path.endsWith(SimulatorResource.POWER_ON)) {
                throw new DaemonException(WireError.HOST_OFFLINE, Map.of(), key + " is powered off");
            }
            return Optional.empty();
        } catch (DaemonException refused) {
            return Optional.of(DaemonProblem.response(refused));
        }
    }

    /** Checks one call and, when it passes, makes its host the {@link CurrentHost}. */
    void authenticate(String localKey, String authorization) {
        if (localKey == null) {
            throw failed();
        }
        LocalHost host = hosts.find(localKey).orElseThrow(() -> new DaemonException(WireError.HANDLE_INVALID,
                Map.of("class", "host", "id", localKey), "This daemon serves no host " + localKey));
        Membership membership = memberships.of(localKey);
        if (!membership.isJoined()) {
            throw new DaemonException(WireError.HOST_OFFLINE, Map.of(),
                    localKey + " has not joined a pool (" + membership.state() + ")");
        }
        String presented = bearerToken(authorization);
        String expected = membership.identity().controlPlaneCredential();
        if (presented == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw failed();
        }
        current.set(host, membership.identity());
    }

    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static DaemonException failed() {
        return new DaemonException(WireError.SESSION_AUTHENTICATION_FAILED, Map.of(), null);
    }
}
