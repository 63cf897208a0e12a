package org.xenplane.daemon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.protocol.DaemonHostInfo;
import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * {@code GET /daemon/v1/hosts/{localKey}/info}: which host this is to the control plane, its
 * driver and its facts now. Callers are authenticated by {@link DaemonAuthenticator}.
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}")
@Produces(MediaType.APPLICATION_JSON)
public class HostInfoResource {
    private final CurrentHost current;
    private final LocalHosts hosts;

    public HostInfoResource(CurrentHost current, LocalHosts hosts) {
        this.current = current;
        this.hosts = hosts;
    }

    @GET
    @Path(DaemonProtocol.HOST_INFO)
    public DaemonHostInfo info() {
        return new DaemonHostInfo(current.identity().hostId(), hosts.driver().id(), current.host().driver().facts());
    }
}
