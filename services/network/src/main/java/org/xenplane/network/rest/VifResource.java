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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.network.model.Vif;
import org.xenplane.network.service.VifOperation;
import org.xenplane.network.service.VifService;

/** {@code /api/v1/vifs}: VMs' NICs. */
@Path("/api/v1/vifs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vifs")
public class VifResource {
    private final VifService vifs;
    private final TaskRunner tasks;
    private final CurrentCaller caller;

    public VifResource(VifService vifs, TaskRunner tasks, CurrentCaller caller) {
        this.vifs = vifs;
        this.tasks = tasks;
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
        AtomicReference<VifView> created = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(VifOperation.CREATE, Vif.CLASS, null, IdempotencyKeys.validate(key)),
                caller.get().subject(), ctx -> {
                    created.set(vifs.create(request));
                    return TaskResult.of(Vif.CLASS, created.get().id());
                });
        VifView body = created.get() != null ? created.get() : vifs.get(task.result().id());
        return Response.status(Response.Status.CREATED).entity(body).header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vif.destroy")
    @Operation(summary = "Destroy a VIF", description = "Refused while it is attached.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vifId = Ids.parse(Vif.CLASS, id);
        TaskView task = tasks.run(request(VifOperation.DESTROY, vifId, key), caller.get().subject(), ctx -> {
            vifs.destroy(vifId);
            return TaskResult.NONE;
        });
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
        TaskView task = tasks.run(request(VifOperation.PLUG, vifId, key), caller.get().subject(), ctx -> {
            vifs.plug(vifId, ctx.taskId());
            return TaskResult.of(Vif.CLASS, vifId);
        });
        return TaskResponses.finished(task, vifs.get(vifId));
    }

    @POST
    @Path("/{id}/unplug")
    @Authorized("vif.unplug")
    @Operation(summary = "Hot-unplug a VIF from its running VM")
    @APIResponse(responseCode = "200", description = "The VIF; the task id is in the Xenplane-Task header")
    public Response unplug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vifId = Ids.parse(Vif.CLASS, id);
        TaskView task = tasks.run(request(VifOperation.UNPLUG, vifId, key), caller.get().subject(), ctx -> {
            vifs.unplug(vifId, ctx.taskId());
            return TaskResult.of(Vif.CLASS, vifId);
        });
        return TaskResponses.finished(task, vifs.get(vifId));
    }

    private static TaskRequest request(VifOperation operation, UUID vifId, String key) {
        return new TaskRequest(operation, Vif.CLASS, vifId, IdempotencyKeys.validate(key));
    }
}
