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
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.api.BondCreate;
import org.xenplane.network.api.BondView;
import org.xenplane.network.model.Bond;
import org.xenplane.network.service.BondChanges;
import org.xenplane.network.service.BondService;

/** {@code /api/v1/bonds}: bonds of a host's NICs. */
@Path("/api/v1/bonds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bonds")
public class BondResource {
    private final BondService bonds;
    private final BondChanges changes;
    private final CurrentCaller caller;

    public BondResource(BondService bonds, BondChanges changes, CurrentCaller caller) {
        this.bonds = bonds;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("bond.read")
    @Operation(summary = "List bonds")
    @APIResponse(responseCode = "200", description = "Every host's bonds")
    public List<BondView> list() {
        return bonds.list();
    }

    @GET
    @Path("/{id}")
    @Authorized("bond.read")
    @Operation(summary = "Get a bond")
    @APIResponse(responseCode = "200", description = "The bond")
    public BondView get(@PathParam("id") String id) {
        return bonds.get(Ids.parse(Bond.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("bond.create")
    @Operation(summary = "Bond NICs of one host", description = "A master PIF on the network over the member PIFs; the "
            + "host's daemon makes the bond and the network's bridge. Nothing stays recorded if it refuses.")
    @APIResponse(responseCode = "201", description = "The bond; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid BondCreate request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<BondView> created = changes.create(request, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.status(Response.Status.CREATED).entity(created.value())
                .header(TaskResponses.TASK_HEADER, created.task().id().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    @Authorized("bond.destroy")
    @Operation(summary = "Destroy a bond", description = "Refused while VLANs use it; the host's daemon removes its "
            + "bridge and the bond (refused while VIFs are attached), releasing the NICs.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID bondId = Ids.parse(Bond.CLASS, id);
        TaskView task = changes.destroy(bondId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }
}
