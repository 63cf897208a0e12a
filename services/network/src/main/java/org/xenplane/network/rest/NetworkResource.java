package org.xenplane.network.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.network.api.NetworkCreate;
import org.xenplane.network.api.NetworkUpdate;
import org.xenplane.network.api.NetworkView;
import org.xenplane.network.model.Network;
import org.xenplane.network.service.NetworkChanges;
import org.xenplane.network.service.NetworkService;

/** {@code /api/v1/networks}: the pool's networks. */
@Path("/api/v1/networks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks")
public class NetworkResource {
    private final NetworkService networks;
    private final NetworkChanges changes;
    private final CurrentCaller caller;

    public NetworkResource(NetworkService networks, NetworkChanges changes, CurrentCaller caller) {
        this.networks = networks;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("network.read")
    @Operation(summary = "List networks")
    @APIResponse(responseCode = "200", description = "Every network of the pool")
    public List<NetworkView> list() {
        return networks.list();
    }

    @GET
    @Path("/{id}")
    @Authorized("network.read")
    @Operation(summary = "Get a network")
    @APIResponse(responseCode = "200", description = "The network")
    public NetworkView get(@PathParam("id") String id) {
        return networks.get(Ids.parse(Network.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("network.create")
    @Operation(summary = "Create a network", description = "Host-internal until a VLAN or bond connects it to NICs; "
            + "its bridge is made on each host that needs it.")
    @APIResponse(responseCode = "201", description = "The network; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid NetworkCreate request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<NetworkView> created = changes.create(request, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.status(Response.Status.CREATED).entity(created.value())
                .header(TaskResponses.TASK_HEADER, created.task().id().toString()).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("network.update")
    @Operation(summary = "Change a network's name, description or other-config")
    @APIResponse(responseCode = "200", description = "The network; the task id is in the Xenplane-Task header")
    public Response update(@PathParam("id") String id, @NotNull @Valid NetworkUpdate update,
                           @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID networkId = Ids.parse(Network.CLASS, id);
        TaskOutcome<NetworkView> updated = changes.update(networkId, update, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(updated.task(), updated.value());
    }

    @DELETE
    @Path("/{id}")
    @Authorized("network.destroy")
    @Operation(summary = "Destroy a network", description = "Refused while VIFs use it or PIFs connect it; a managed "
            + "network's bridge is removed from every live host. A task: follow it to its end.")
    @APIResponse(responseCode = "202", description = "The task")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID networkId = Ids.parse(Network.CLASS, id);
        return TaskResponses.accepted(changes.destroy(networkId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @DELETE
    @Path("/{id}/vlans")
    @Authorized("vlan.destroy")
    @Operation(summary = "Destroy the network's VLANs on every host",
            description = "Host by host; a host whose daemon refuses (VIFs attached) stops the task, and the VLANs "
                    + "already destroyed stay destroyed: repeat it once the VIFs are gone. A task.")
    @APIResponse(responseCode = "202", description = "The task")
    public Response destroyVlans(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID networkId = Ids.parse(Network.CLASS, id);
        return TaskResponses.accepted(changes.destroyVlans(networkId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }
}
