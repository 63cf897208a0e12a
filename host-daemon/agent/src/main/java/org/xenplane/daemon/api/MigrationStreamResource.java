package org.xenplane.daemon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Map;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.WireError;

/**
 * {@code POST /migration/v1/hosts/{localKey}/{migrationId}}: another daemon sends a migrating
 * domain's stream. Not under {@code /daemon/}: the sender presents the single-use ticket this host
 * issued when the control plane prepared the migration, not the control plane's credential.
 * Answers the domain built from the stream, paused, or 401 for a wrong, spent or expired ticket.
 */
@Path(DaemonProtocol.MIGRATION_STREAM_ROOT + "/{localKey}/{migrationId}")
public class MigrationStreamResource {
    private static final String BEARER = "Bearer ";
    private final LocalHosts hosts;

    public MigrationStreamResource(LocalHosts hosts) {
        this.hosts = hosts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public DomainResult receive(@PathParam("localKey") String localKey, @PathParam("migrationId") String migrationId,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream stream) {
        LocalHost host = hosts.find(localKey).orElseThrow(() -> new DaemonException(WireError.HANDLE_INVALID,
                Map.of("class", "host", "id", localKey), null));
        String ticket = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim() : null;
        return host.domains().receive(DomainResource.uuid(migrationId), ticket, stream)
                .orElseThrow(() -> new DaemonException(WireError.SESSION_AUTHENTICATION_FAILED, Map.of(),
                        "no migration " + migrationId + " with this ticket"));
    }
}
