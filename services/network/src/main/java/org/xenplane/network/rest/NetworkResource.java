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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.model.Network;
import org.xenplane.network.service.NetworkOperation;
import org.xenplane.network.service.NetworkService;
import org.xenplane.network.service.VlanOperation;
import org.xenplane.network.service.VlanService;

/** {@code /api/v1/networks}: the pool's networks. */
@Path("/api/v1/networks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks")
public class NetworkResource {
    private final NetworkService networks;
    private final VlanService vlans;
    private final TaskRunner tasks;
    private final CurrentCaller caller;

    public NetworkResource(NetworkService networks, VlanService vlans, TaskRunner tasks, CurrentCaller caller) {
        this.networks = networks;
        this.vlans = vlans;
        this.tasks = tasks;
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
        AtomicReference<NetworkView> created = new AtomicReference<>();
        TaskView task = tasks.run(request(NetworkOperation.CREATE, null, key), caller.get().subject(), ctx -> {
            created.set(networks.create(request));
            return TaskResult.of(Network.CLASS, created.get().id());
        });
        NetworkView body = created.get() != null ? created.get() : networks.get(task.result().id());
        return Response.status(Response.Status.CREATED).entity(body).header(TaskResponses.TASK_HEADER, task.id().toString()).build();
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
        TaskView task = tasks.run(request(NetworkOperation.UPDATE, networkId, key), caller.get().subject(), ctx -> {
            networks.update(networkId, update);
            return TaskResult.of(Network.CLASS, networkId);
        });
        return TaskResponses.finished(task, networks.get(networkId));
    }

    @DELETE
    @Path("/{id}")
    @Authorized("network.destroy")
    @Operation(summary = "Destroy a network", description = "Refused while VIFs use it or PIFs connect it; a managed "
            + "network's bridge is removed from every live host. A task: follow it to its end.")
    @APIResponse(responseCode = "202", description = "The task")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID networkId = Ids.parse(Network.CLASS, id);
        networks.assertDestroyable(networkId);
        return TaskResponses.accepted(tasks.submit(request(NetworkOperation.DESTROY, networkId, key), caller.get().subject(),
                ctx -> {
                    networks.destroy(networkId, ctx);
                    return TaskResult.NONE;
                }));
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
        networks.get(networkId);
        return TaskResponses.accepted(tasks.submit(request(VlanOperation.DESTROY, networkId, key), caller.get().subject(),
                ctx -> {
                    vlans.destroyOnNetwork(networkId, ctx);
                    return TaskResult.of(Network.CLASS, networkId);
                }));
    }

    private static TaskRequest request(DeclaredOperation operation, UUID networkId, String key) {
        return new TaskRequest(operation, Network.CLASS, networkId, IdempotencyKeys.validate(key));
    }
}
