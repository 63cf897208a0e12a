package org.xenplane.daemon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.xenplane.daemon.ha.HaLeases;
import org.xenplane.daemon.ha.LeaseView;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.link.Memberships;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeerStatus;

/**
 * {@code GET /daemon/v1/hosts/{localKey}/ha/status}: another daemon of the pool, whose lease is
 * ending, asks whether this host reaches the control plane. Bearer: the pool's current peer token
 * (from this host's last acknowledgement), compared in constant time; 401 otherwise, also while
 * this host has no HA terms. Not guarded by the control-plane credential ({@link DaemonAuthenticator}
 * lets it through).
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}" + HaLease.PEER_STATUS)
public class HaStatusResource {
    private final LocalHosts hosts;
    private final Memberships memberships;
    private final HaLeases leases;

    public HaStatusResource(LocalHosts hosts, Memberships memberships, HaLeases leases) {
        this.hosts = hosts;
        this.memberships = memberships;
        this.leases = leases;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public HaPeerStatus status(@PathParam(DaemonAuthenticator.LOCAL_KEY) String localKey,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        hosts.find(localKey).orElseThrow(() -> new DaemonException(WireError.HANDLE_INVALID,
                Map.of("class", "host", "id", localKey), "This daemon serves no host " + localKey));
        JoinResponse identity = memberships.identity(localKey).orElseThrow(() -> new DaemonException(
                WireError.HOST_OFFLINE, Map.of(), localKey + " has not joined a pool"));
        LeaseView lease = leases.of(localKey).view();
        String expected = lease.terms().peerToken();
        String presented = DaemonAuthenticator.bearerToken(authorization);
        if (!lease.enabled() || expected == null || presented == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new DaemonException(WireError.SESSION_AUTHENTICATION_FAILED, Map.of(), null);
        }
        return new HaPeerStatus(identity.hostId(), lease.valid() && !lease.fenced(), lease.lastAckAgeMillis(), lease.fenced());
    }
}
