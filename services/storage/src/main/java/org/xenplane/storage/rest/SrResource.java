package org.xenplane.storage.rest;

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
import org.xenplane.storage.api.SrCreate;
import org.xenplane.storage.api.SrView;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.service.SrChanges;
import org.xenplane.storage.service.SrOperation;
import org.xenplane.storage.service.SrService;

/** {@code /api/v1/srs}: storage repositories. */
@Path("/api/v1/srs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "srs")
public class SrResource {
    private final SrService srs;
    private final SrChanges changes;
    private final CurrentCaller caller;

    public SrResource(SrService srs, SrChanges changes, CurrentCaller caller) {
        this.srs = srs;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("sr.read")
    @Operation(summary = "List SRs")
    @APIResponse(responseCode = "200", description = "Every SR")
    public List<SrView> list() {
        return srs.list();
    }

    @GET
    @Path("/{id}")
    @Authorized("sr.read")
    @Operation(summary = "Get an SR")
    @APIResponse(responseCode = "200", description = "The SR")
    public SrView get(@PathParam("id") String id) {
        return srs.get(Ids.parse(Sr.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("sr.create")
    @Operation(summary = "Create an SR", description = "Formats the storage named by the device config (file: path;"
            + " lvm: device; nfs: server, serverpath) and plugs it on its host, or on every host when shared.")
    @APIResponse(responseCode = "201", description = "The SR; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid SrCreate body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return make(body, key, SrOperation.CREATE);
    }

    @POST
    @Path("/introduce")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("sr.introduce")
    @Operation(summary = "Introduce an existing SR", description = "Records an SR whose storage exists (its uuid in id),"
            + " plugs it and scans it for VDIs. Storage holding volumes of no SR is refused: that is sr.adopt.")
    @APIResponse(responseCode = "201", description = "The SR; the task id is in the Xenplane-Task header")
    public Response introduce(@NotNull @Valid SrCreate body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return make(body, key, SrOperation.INTRODUCE);
    }

    @POST
    @Path("/adopt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("sr.adopt")
    @Operation(summary = "Adopt storage as an SR", description = "As introduce, for storage that may hold volumes of no"
            + " SR (a directory of images made elsewhere): the SR takes them, and destroying it deletes them.")
    @APIResponse(responseCode = "201", description = "The SR; the task id is in the Xenplane-Task header")
    public Response adopt(@NotNull @Valid SrCreate body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return make(body, key, SrOperation.ADOPT);
    }

    private Response make(SrCreate body, String key, SrOperation op) {
        TaskOutcome<SrView> made = changes.create(body, op, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.status(Response.Status.CREATED).entity(made.value())
                .header(TaskResponses.TASK_HEADER, made.task().id().toString()).build();
    }

    @POST
    @Path("/{id}/forget")
    @Authorized("sr.forget")
    @Operation(summary = "Forget an SR", description = "Its records go; its storage stays and can be introduced again."
            + " Every PBD must be unplugged.")
    @APIResponse(responseCode = "204", description = "Forgotten; the task id is in the Xenplane-Task header")
    public Response forget(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID srId = Ids.parse(Sr.CLASS, id);
        TaskView task = changes.forget(srId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    @Authorized("sr.destroy")
    @Operation(summary = "Destroy an SR", description = "Wipes its storage and forgets it. Every PBD must be unplugged.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID srId = Ids.parse(Sr.CLASS, id);
        TaskView task = changes.destroy(srId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/scan")
    @Authorized("sr.scan")
    @Operation(summary = "Scan an SR", description = "Adopts volumes made outside Xenplane (named <uuid>.qcow2),"
            + " forgets VDIs whose volume is gone, refreshes sizes and finishes pending coalesces.")
    @APIResponse(responseCode = "200", description = "The SR; the task id is in the Xenplane-Task header")
    public Response scan(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID srId = Ids.parse(Sr.CLASS, id);
        TaskOutcome<SrView> scanned = changes.scan(srId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(scanned.task(), scanned.value());
    }

    @POST
    @Path("/{id}/repair")
    @Authorized("sr.repair")
    @Operation(summary = "Repair an SR", description = "A shared SR gets a PBD on every host that lacks one (hosts"
            + " that joined after it was created); every unplugged PBD on a live host is plugged.")
    @APIResponse(responseCode = "200", description = "The SR; the task id is in the Xenplane-Task header")
    public Response repair(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID srId = Ids.parse(Sr.CLASS, id);
        TaskOutcome<SrView> repaired = changes.repair(srId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(repaired.task(), repaired.value());
    }
}
