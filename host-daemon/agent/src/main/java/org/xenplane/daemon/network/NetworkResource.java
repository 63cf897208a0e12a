package org.xenplane.daemon.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xenplane.daemon.api.CurrentHost;
import org.xenplane.daemon.api.DaemonAuthenticator;
import org.xenplane.daemon.api.DaemonProblem;
import org.xenplane.daemon.protocol.DaemonProtocol;
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
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}/network")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {
    private static final Logger LOG = Logger.getLogger(NetworkResource.class);

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

    private void once(String operationId, Runnable work) {
        networks.memo().once(current.host().key(), operationId, work);
    }

    @GET
    @Path("/interfaces")
    public InterfaceReport interfaces() {
        return new InterfaceReport(networks.driver(), driver().interfaces());
    }

    @PUT
    @Path("/bridges/{bridge}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ensureBridge(@PathParam("bridge") String bridge, BridgeSpec spec,
                                 @HeaderParam(NetworkProtocol.OPERATION_ID_HEADER) String operationId) {
        if (spec != null && spec.name() != null && !spec.name().equals(bridge)) {
            throw new NetworkFailure(NetworkError.INVALID_FIELD, "name", "must be the bridge named in the path");
        }
        BridgeSpec named = spec == null ? null : new BridgeSpec(bridge, spec.mtu(), spec.uplink());
        once(operationId, () -> driver().ensureBridge(named));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/bridges/{bridge}")
    public Response removeBridge(@PathParam("bridge") String bridge,
                                 @HeaderParam(NetworkProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, () -> driver().removeBridge(bridge));
        return Response.noContent().build();
    }

    @PUT
    @Path("/ports/{port}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attachPort(@PathParam("port") String port, PortSpec spec,
                               @HeaderParam(NetworkProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, () -> driver().attachPort(port, spec));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/ports/{port}")
    public Response detachPort(@PathParam("port") String port,
                               @HeaderParam(NetworkProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, () -> driver().detachPort(port));
        return Response.noContent().build();
    }

    @PUT
    @Path("/devices/{device}/ip")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response configureIp(@PathParam("device") String device, IpConfig config,
                                @HeaderParam(NetworkProtocol.OPERATION_ID_HEADER) String operationId) {
        once(operationId, () -> driver().configureIp(device, config));
        return Response.noContent().build();
    }

    // Exception mappers declared in a resource class apply to that class only.

    @ServerExceptionMapper
    public Response failed(NetworkFailure e) {
        if (e.error().status() >= 500) {
            LOG.warnf("%s %s", e.error(), e.parameters());
        }
        return problem(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                        .collect(Collectors.joining("."))
                : "body";
        return problem(new NetworkFailure(NetworkError.INVALID_FIELD, field, "wrong type or shape"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json);
            }
        }
        return e.getResponse();
    }

    static Response problem(NetworkFailure e) {
        DaemonProblem body = new DaemonProblem("urn:xenplane:error:" + e.error().name(), e.error().title(),
                e.error().status(), e.getMessage(), e.error().name(), e.parameters());
        return Response.status(e.error().status()).type(DaemonProblem.MEDIA_TYPE).entity(body).build();
    }
}
