package org.xenplane.daemon.network;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.xenplane.daemon.api.CurrentHost;
import org.xenplane.daemon.api.DaemonAuthenticator;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.InterfaceReport;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.NetworkProtocol;
import org.xenplane.daemon.protocol.network.PortSpec;

/**
 * The network API of each local host ({@link NetworkProtocol}), called by the control plane with
 * the host's control-plane credential (checked by {@link DaemonAuthenticator}). Changes to one
 * host run one at a time (its driver is synchronised); a repeated operation id acts once.
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {
    private final CurrentHost current;
    private final LocalNetworks networks;

    public NetworkResource(CurrentHost current, LocalNetworks networks) {
        this.current = current;
        this.networks = networks;
    }

    private NetworkDriver driver() {
        String key = current.host().key();
        return networks.of(key).orElseThrow(() -> new IllegalStateException("no network driver for " + key));
    }

    private void once(String operationId, String operation, Runnable work) {
        networks.memo().run(current.host().key(), operationId, operation, work);
    }

    @GET
    @Path(NetworkProtocol.INTERFACES)
    public InterfaceReport interfaces() {
        return new InterfaceReport(networks.driver(), driver().interfaces());
    }

    @PUT
    @Path(NetworkProtocol.BRIDGE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ensureBridge(@PathParam("bridge") String bridge, BridgeSpec spec,
                                 @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String operationId) {
        if (spec != null && spec.name() != null && !spec.name().equals(bridge)) {
            throw new NetworkFailure(WireError.INVALID_FIELD, "name", "must be the bridge named in the path");
        }
        BridgeSpec named = spec == null ? null : new BridgeSpec(bridge, spec.mtu(), spec.uplink());
        once(operationId, "ensure bridge " + bridge, () -> driver().ensureBridge(named));
        return Response.noContent().build();
    }

    @DELETE
    @Path(NetworkProtocol.BRIDGE)
    public Response removeBridge(@PathParam("bridge") String bridge,
                                 @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, "remove bridge " + bridge, () -> driver().removeBridge(bridge));
        return Response.noContent().build();
    }

    @PUT
    @Path(NetworkProtocol.PORT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attachPort(@PathParam("port") String port, PortSpec spec,
                               @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, "attach port " + port, () -> driver().attachPort(port, spec));
        return Response.noContent().build();
    }

    @DELETE
    @Path(NetworkProtocol.PORT)
    public Response detachPort(@PathParam("port") String port,
                               @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, "detach port " + port, () -> driver().detachPort(port));
        return Response.noContent().build();
    }

    @PUT
    @Path(NetworkProtocol.DEVICE_IP)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response configureIp(@PathParam("device") String device, IpConfig config,
                                @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, "configure ip " + device, () -> driver().configureIp(device, config));
        return Response.noContent().build();
    }
}
