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
import jakarta.ws.rs.QueryParam;
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
import org.xenplane.core.task.TaskView;
import org.xenplane.network.api.VifCreate;
import org.xenplane.network.api.VifView;
import org.xenplane.network.model.Vif;
import org.xenplane.network.service.VifChanges;
import org.xenplane.network.service.VifService;

/** {@code /api/v1/vifs}: VMs' NICs. */
@Path("/api/v1/vifs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vifs")
public class VifResource {
    private final VifService vifs;
    private final VifChanges changes;
    private final CurrentCaller caller;

    public VifResource(VifService vifs, VifChanges changes, CurrentCaller caller) {
        this.vifs = vifs;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("vif.read")
    @Operation(summary = "List VIFs", description = "Every VM's, or one VM's with ?vm=<id>.")
    @APIResponse(responseCode = "200", description = "The VIFs")
    public List<VifView> list(@QueryParam("vm") String vm) {
        return vifs.list(vm == null ? null : Ids.parse("vm", vm));
    }

    @GET
    @Path("/{id}")
    @Authorized("vif.read")
    @Operation(summary = "Get a VIF")
    @APIResponse(responseCode = "200", description = "The VIF")
    public VifView get(@PathParam("id") String id) {
        return vifs.get(Ids.parse(Vif.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vif.create")
    @Operation(summary = "Create a VIF", description = "A MAC is given (six octets, unicast) or generated (random, "
            + "locally administered); either way unique in the pool.")
    @APIResponse(responseCode = "201", description = "The VIF; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid VifCreate request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<VifView> created = changes.create(request, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.status(Response.Status.CREATED).entity(created.value())
                .header(TaskResponses.TASK_HEADER, created.task().id().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vif.destroy")
    @Operation(summary = "Destroy a VIF", description = "Refused while it is attached.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vifId = Ids.parse(Vif.CLASS, id);
        TaskView task = changes.destroy(vifId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/plug")
    @Authorized("vif.plug")
    @Operation(summary = "Hot-plug a VIF into its running VM", description = "The network's bridge is made on the VM's "
            + "host, then the NIC is plugged into the domain.")
    @APIResponse(responseCode = "200", description = "The VIF; the task id is in the Xenplane-Task header")
    public Response plug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vifId = Ids.parse(Vif.CLASS, id);
        TaskOutcome<VifView> plugged = changes.plug(vifId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(plugged.task(), plugged.value());
    }

    @POST
    @Path("/{id}/unplug")
    @Authorized("vif.unplug")
    @Operation(summary = "Hot-unplug a VIF from its running VM")
    @APIResponse(responseCode = "200", description = "The VIF; the task id is in the Xenplane-Task header")
    public Response unplug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vifId = Ids.parse(Vif.CLASS, id);
        TaskOutcome<VifView> unplugged = changes.unplug(vifId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(unplugged.task(), unplugged.value());
    }
}
