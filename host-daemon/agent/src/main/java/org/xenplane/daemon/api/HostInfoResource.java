package org.xenplane.daemon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.xenplane.daemon.host.HostPower;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.protocol.DaemonHostInfo;
import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * {@code GET /daemon/v1/hosts/{localKey}/info}: which host this is to the control plane, its
 * driver and its facts now; {@code POST .../shutdown} and {@code .../reboot} power it down. Callers are authenticated by {@link DaemonAuthenticator}.
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}")
@Produces(MediaType.APPLICATION_JSON)
public class HostInfoResource {
    private final CurrentHost current;
    private final LocalHosts hosts;
    private final HostPower power;

    public HostInfoResource(CurrentHost current, LocalHosts hosts, HostPower power) {
        this.current = current;
        this.hosts = hosts;
        this.power = power;
    }

    /** The control plane's {@code host.shutdown}: the host halts; its domains end. */
    @POST
    @Path(DaemonProtocol.HOST_SHUTDOWN)
    public Response shutdown() {
        power.shutdown(current.host());
        return Response.noContent().build();
    }

    /** The control plane's {@code host.reboot}: the host halts and comes back empty. */
    @POST
    @Path(DaemonProtocol.HOST_REBOOT)
    public Response reboot() {
        power.reboot(current.host());
        return Response.noContent().build();
    }

    @GET
    @Path(DaemonProtocol.HOST_INFO)
    public DaemonHostInfo info() {
        return new DaemonHostInfo(current.identity().hostId(), hosts.driver().id(), current.host().driver().facts());
    }
}
