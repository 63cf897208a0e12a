package org.xenplane.storage.rest;

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
import org.xenplane.storage.api.PbdView;
import org.xenplane.storage.model.Pbd;
import org.xenplane.storage.model.Sr;
import org.xenplane.storage.service.PbdChanges;
import org.xenplane.storage.service.PbdService;

/** {@code /api/v1/pbds}: SRs' attachments to hosts. */
@Path("/api/v1/pbds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pbds")
public class PbdResource {
    private final PbdService pbds;
    private final PbdChanges changes;
    private final CurrentCaller caller;

    public PbdResource(PbdService pbds, PbdChanges changes, CurrentCaller caller) {
        this.pbds = pbds;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("pbd.read")
    @Operation(summary = "List PBDs", description = "All, or those of one SR (?sr=).")
    @APIResponse(responseCode = "200", description = "The PBDs")
    public List<PbdView> list(@QueryParam("sr") String sr) {
        return pbds.list(sr == null ? null : Ids.parse(Sr.CLASS, sr));
    }

    @GET
    @Path("/{id}")
    @Authorized("pbd.read")
    @Operation(summary = "Get a PBD")
    @APIResponse(responseCode = "200", description = "The PBD")
    public PbdView get(@PathParam("id") String id) {
        return pbds.get(Ids.parse(Pbd.CLASS, id));
    }

    @POST
    @Path("/{id}/plug")
    @Authorized("pbd.plug")
    @Operation(summary = "Plug a PBD", description = "Makes the SR usable on the PBD's host (nfs: mounts the export).")
    @APIResponse(responseCode = "200", description = "The PBD; the task id is in the Xenplane-Task header")
    public Response plug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID pbdId = Ids.parse(Pbd.CLASS, id);
        TaskOutcome<PbdView> plugged = changes.plug(pbdId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(plugged.task(), plugged.value());
    }

    @POST
    @Path("/{id}/unplug")
    @Authorized("pbd.unplug")
    @Operation(summary = "Unplug a PBD", description = "Releases the SR on the PBD's host (nfs: unmounts). No VM may"
            + " have one of its VDIs attached there.")
    @APIResponse(responseCode = "200", description = "The PBD; the task id is in the Xenplane-Task header")
    public Response unplug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID pbdId = Ids.parse(Pbd.CLASS, id);
        TaskOutcome<PbdView> unplugged = changes.unplug(pbdId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(unplugged.task(), unplugged.value());
    }
}
