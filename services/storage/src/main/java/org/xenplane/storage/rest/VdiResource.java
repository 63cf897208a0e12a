package org.xenplane.storage.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.StreamedBody;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.OpenTask;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.storage.api.VdiCopy;
import org.xenplane.storage.api.VdiCreate;
import org.xenplane.storage.api.VdiFork;
import org.xenplane.storage.api.VdiResize;
import org.xenplane.storage.api.VdiView;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.service.VdiChanges;
import org.xenplane.storage.service.VdiService;
import org.xenplane.storage.service.VdiTransfers;

/** {@code /api/v1/vdis}: virtual disks. */
@Path("/api/v1/vdis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vdis")
public class VdiResource {
    private final VdiService vdis;
    private final VdiTransfers transfers;
    private final VdiChanges changes;
    private final CurrentCaller caller;

    public VdiResource(VdiService vdis, VdiTransfers transfers, VdiChanges changes, CurrentCaller caller) {
        this.vdis = vdis;
        this.transfers = transfers;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("vdi.read")
    @Operation(summary = "List VDIs", description = "All, or those of one SR (?sr=); hidden bases have managed=false.")
    @APIResponse(responseCode = "200", description = "The VDIs")
    public List<VdiView> list(@QueryParam("sr") String sr) {
        return vdis.list(sr == null ? null : Ids.parse(Sr.CLASS, sr));
    }

    @GET
    @Path("/{id}")
    @Authorized("vdi.read")
    @Operation(summary = "Get a VDI")
    @APIResponse(responseCode = "200", description = "The VDI")
    public VdiView get(@PathParam("id") String id) {
        return vdis.get(Ids.parse(Vdi.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vdi.create")
    @Operation(summary = "Create a VDI", description = "An empty, thin disk of virtualSize bytes (a multiple of 512), on srId "
            + "or, without srId, on the pool's default SR (409 DEFAULT_SR_NOT_SET when the pool has none).")
    @APIResponse(responseCode = "201", description = "The VDI; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid VdiCreate body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(changes.create(body, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vdi.destroy")
    @Operation(summary = "Destroy a VDI", description = "Its detached VBDs go with it; a snapshot chain it leaves"
            + " behind is coalesced.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vdiId = Ids.parse(Vdi.CLASS, id);
        TaskView task = changes.destroy(vdiId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/resize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vdi.resize")
    @Operation(summary = "Grow a VDI", description = "To virtualSize bytes; the VDI must not be attached.")
    @APIResponse(responseCode = "202", description = "The task; its result is the VDI")
    public Response resize(@PathParam("id") String id, @NotNull @Valid VdiResize body,
                           @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vdiId = Ids.parse(Vdi.CLASS, id);
        return TaskResponses.accepted(changes.resize(vdiId, body.virtualSize(), caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/snapshot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vdi.snapshot")
    @Operation(summary = "Snapshot a VDI", description = "A read-only copy-on-write image of the VDI now.")
    @APIResponse(responseCode = "201", description = "The snapshot; the task id is in the Xenplane-Task header")
    public Response snapshot(@PathParam("id") String id, @Valid VdiFork body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return fork(id, body, key, true);
    }

    @POST
    @Path("/{id}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vdi.clone")
    @Operation(summary = "Clone a VDI", description = "A writable copy-on-write clone.")
    @APIResponse(responseCode = "201", description = "The clone; the task id is in the Xenplane-Task header")
    public Response cloneVdi(@PathParam("id") String id, @Valid VdiFork body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return fork(id, body, key, false);
    }

    private Response fork(String id, VdiFork body, String key, boolean snapshot) {
        UUID vdiId = Ids.parse(Vdi.CLASS, id);
        String name = body == null ? null : body.name();
        return created(changes.fork(vdiId, name, snapshot, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vdi.copy")
    @Operation(summary = "Copy a VDI", description = "A full, flattened copy to srId (default: the same SR), on any host.")
    @APIResponse(responseCode = "202", description = "The task, with progress; its result is the new VDI")
    public Response copy(@PathParam("id") String id, @Valid VdiCopy body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vdiId = Ids.parse(Vdi.CLASS, id);
        UUID srId = body == null ? null : body.srId();
        String name = body == null ? null : body.name();
        return TaskResponses.accepted(changes.copy(vdiId, srId, name, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @PUT
    @Path("/{id}/content")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @StreamedBody
    @Authorized("vdi.import")
    @Operation(summary = "Import a disk image into a VDI", description = "The body is a raw or qcow2 (?format=) image"
            + " no larger than the VDI, streamed with a Content-Length; progress shows on the task while it uploads.")
    @APIResponse(responseCode = "200", description = "The VDI; the task id is in the Xenplane-Task header")
    public Response importContent(@PathParam("id") String id, @QueryParam("format") String format,
                                  @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                                  @HeaderParam(IdempotencyKeys.HEADER) String key, InputStream body) {
        UUID vdiId = Ids.parse(Vdi.CLASS, id);
        ImageFormat f = format(format);
        long bytes = contentLength(length);
        TaskOutcome<VdiView> imported = changes.importContent(vdiId, f, bytes, body, caller.get().subject(),
                IdempotencyKeys.validate(key));
        return TaskResponses.finished(imported.task(), imported.value());
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Authorized("vdi.export")
    @Operation(summary = "Export a VDI's content", description = "As a raw or qcow2 (?format=) image, its snapshot"
            + " chain flattened; the task in the Xenplane-Task header shows progress.")
    @APIResponse(responseCode = "200", description = "The image")
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        UUID vdiId = Ids.parse(Vdi.CLASS, id);
        ImageFormat f = format(format);
        OpenTask task = changes.openExport(vdiId, caller.get().subject());
        StreamingOutput out = stream -> {
            try {
                transfers.export(vdiId, f, stream, task.context());
                task.succeed(TaskResult.of(Vdi.CLASS, vdiId));
            } catch (java.io.IOException | RuntimeException e) {
                task.fail(e);
                throw e;
            }
        };
        return Response.ok(out, MediaType.APPLICATION_OCTET_STREAM)
                .header(TaskResponses.TASK_HEADER, task.id().toString())
                .header("Content-Disposition", "attachment; filename=\"" + vdiId + "." + f.id() + "\"")
                .build();
    }

    private static ImageFormat format(String text) {
        ImageFormat f = ImageFormat.parse(text == null ? "raw" : text);
        if (f == null) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "format", "raw or qcow2");
        }
        return f;
    }

    private static long contentLength(String length) {
        if (length == null) {
            throw new XenplaneException(ErrorCode.LENGTH_REQUIRED);
        }
        try {
            long bytes = Long.parseLong(length.trim());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new XenplaneException(ErrorCode.INVALID_PARAMETER, HttpHeaders.CONTENT_LENGTH, "a positive number of bytes");
    }

    private static Response created(TaskOutcome<VdiView> made) {
        return Response.status(Response.Status.CREATED).entity(made.value())
                .header(TaskResponses.TASK_HEADER, made.task().id().toString()).build();
    }
}
