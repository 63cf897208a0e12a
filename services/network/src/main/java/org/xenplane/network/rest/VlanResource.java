package org.xenplane.network.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.api.VlanCreate;
import org.xenplane.network.api.VlanView;
import org.xenplane.network.model.Vlan;
import org.xenplane.network.service.Checks;
import org.xenplane.network.service.VlanChanges;
import org.xenplane.network.service.VlanService;

/** {@code /api/v1/vlans}: VLANs, one per host and tagged PIF. */
@Path("/api/v1/vlans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vlans")
public class VlanResource {
    private final VlanService vlans;
    private final VlanChanges changes;
    private final CurrentCaller caller;

    public VlanResource(VlanService vlans, VlanChanges changes, CurrentCaller caller) {
        this.vlans = vlans;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("vlan.read")
    @Operation(summary = "List VLANs")
    @APIResponse(responseCode = "200", description = "Every host's VLANs")
    public List<VlanView> list() {
        return vlans.list();
    }

    @GET
    @Path("/{id}")
    @Authorized("vlan.read")
    @Operation(summary = "Get a VLAN")
    @APIResponse(responseCode = "200", description = "The VLAN")
    public VlanView get(@PathParam("id") String id) {
        return vlans.get(Ids.parse(Vlan.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vlan.create")
    @Operation(summary = "Create a VLAN on every host", description = "On each host with the device (a NIC or bond): a "
            + "VLAN PIF on the network and the VLAN's bridge, made by each live host's daemon. All or nothing: if one "
            + "host refuses, the others are undone. A task: its result is the network. Its errors: VLAN_TAG_INVALID, "
            + "PIF_UNKNOWN_DEVICE, VLAN_TAG_IN_USE, NETWORK_ALREADY_CONNECTED, CANNOT_ADD_VLAN_TO_BOND_SLAVE, "
            + "HANDLE_INVALID, and the daemons' DEVICE_BUSY, PIF_IS_MANAGEMENT_INTERFACE, NETWORK_BACKEND_FAILURE.")
    @APIResponse(responseCode = "202", description = "The task")
    public Response create(@NotNull @Valid VlanCreate request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Checks.vlanTag(request.tag());
        Checks.interfaceName("device", request.device());
        return TaskResponses.accepted(changes.createAcrossPool(request.networkId(), request.device(), request.tag(),
                caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vlan.destroy")
    @Operation(summary = "Destroy a VLAN on its host", description = "Its bridge is removed from the host (refused "
            + "while VIFs are attached to it there), then the VLAN and its PIF.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vlanId = Ids.parse(Vlan.CLASS, id);
        TaskView task = changes.destroy(vlanId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }
}
