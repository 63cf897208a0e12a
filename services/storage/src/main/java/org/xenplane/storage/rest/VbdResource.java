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
import org.xenplane.storage.api.AttachedDisk;
import org.xenplane.storage.api.OnHost;
import org.xenplane.storage.api.VbdCreate;
import org.xenplane.storage.api.VbdInsert;
import org.xenplane.storage.api.VbdView;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.service.VbdChanges;
import org.xenplane.storage.service.VbdService;

/**
 * {@code /api/v1/vbds}: VMs' disk slots, the public VBD operations. The storage halves of VM
 * operations that the VM service calls are {@link VmDisksResource}'s.
 */
@Path("/api/v1/vbds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vbds")
public class VbdResource {
    private static final String VM = "vm";

    private final VbdService vbds;
    private final VbdChanges changes;
    private final CurrentCaller caller;

    public VbdResource(VbdService vbds, VbdChanges changes, CurrentCaller caller) {
        this.vbds = vbds;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("vbd.read")
    @Operation(summary = "List VBDs", description = "All, or one VM's (?vm=), or one VDI's (?vdi=).")
    @APIResponse(responseCode = "200", description = "The VBDs")
    public List<VbdView> list(@QueryParam("vm") String vm, @QueryParam("vdi") String vdi) {
        return vbds.list(vm == null ? null : Ids.parse(VM, vm), vdi == null ? null : Ids.parse(Vdi.CLASS, vdi));
    }

    @GET
    @Path("/{id}")
    @Authorized("vbd.read")
    @Operation(summary = "Get a VBD")
    @APIResponse(responseCode = "200", description = "The VBD")
    public VbdView get(@PathParam("id") String id) {
        return vbds.get(Ids.parse(Vbd.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.create")
    @Operation(summary = "Create a VBD", description = "A disk slot of a VM: userdevice 0-15 (xvda..), a VDI (none for"
            + " an empty CD drive), mode RO or RW, type Disk or CD, bootable.")
    @APIResponse(responseCode = "201", description = "The VBD; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid VbdCreate body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<VbdView> made = changes.create(body, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.status(Response.Status.CREATED).entity(made.value())
                .header(TaskResponses.TASK_HEADER, made.task().id().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vbd.destroy")
    @Operation(summary = "Destroy a VBD", description = "Only when detached; its VDI stays.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        TaskView task = changes.destroy(vbdId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/attach")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.attach")
    @Operation(summary = "Attach a VBD's disk on a host (storage half of VBD.plug)", description = "Reserves the VDI for"
            + " the VM (a read-write VDI for one VM at a time) and activates it on the host; answers the path and"
            + " format the hypervisor opens.")
    @APIResponse(responseCode = "200", description = "The attached disk")
    public AttachedDisk attach(@PathParam("id") String id, @NotNull @Valid OnHost body,
                               @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        return changes.attach(vbdId, body.hostId(), caller.get().subject(), IdempotencyKeys.validate(key));
    }

    @POST
    @Path("/{id}/detach")
    @Authorized("vbd.detach")
    @Operation(summary = "Detach a VBD's disk (storage half of VBD.unplug)")
    @APIResponse(responseCode = "200", description = "The VBD; the task id is in the Xenplane-Task header")
    public Response detach(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        return finished(changes.detach(vbdId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/plug")
    @Authorized("vbd.plug")
    @Operation(summary = "Hot-plug a VBD into its running VM (XenAPI VBD.plug)", description = "Attaches the disk on"
            + " the VM's host (VDI_IN_USE when another running VM holds it read-write) and plugs it into the domain;"
            + " if the hypervisor refuses, the disk is released again.")
    @APIResponse(responseCode = "200", description = "The plugged disk")
    public AttachedDisk plug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        return changes.plug(vbdId, caller.get().subject(), IdempotencyKeys.validate(key));
    }

    @POST
    @Path("/{id}/unplug")
    @Authorized("vbd.unplug")
    @Operation(summary = "Hot-unplug a VBD from its running VM (XenAPI VBD.unplug)", description = "The domain lets"
            + " the disk go, then the disk is released on the host.")
    @APIResponse(responseCode = "200", description = "The VBD; the task id is in the Xenplane-Task header")
    public Response unplug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        return finished(changes.unplug(vbdId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/insert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.insert")
    @Operation(summary = "Insert a medium into an empty CD drive", description = "Into the drive of a running VM, the"
            + " medium is activated on its host and inserted into the domain; the answer carries its path.")
    @APIResponse(responseCode = "200", description = "The drive with its medium")
    public AttachedDisk insert(@PathParam("id") String id, @NotNull @Valid VbdInsert body,
                               @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        return changes.insert(vbdId, body.vdiId(), caller.get().subject(), IdempotencyKeys.validate(key));
    }

    @POST
    @Path("/{id}/eject")
    @Authorized("vbd.eject")
    @Operation(summary = "Eject a CD drive's medium", description = "From the drive of a running VM, the domain lets"
            + " the medium go first.")
    @APIResponse(responseCode = "200", description = "The empty drive; the task id is in the Xenplane-Task header")
    public Response eject(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        return finished(changes.eject(vbdId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    private static Response finished(TaskOutcome<VbdView> done) {
        return TaskResponses.finished(done.task(), done.value());
    }
}
