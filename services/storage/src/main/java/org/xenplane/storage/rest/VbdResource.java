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
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.storage.model.Vbd;
import org.xenplane.storage.model.Vdi;
import org.xenplane.storage.service.AttachedDisks;
import org.xenplane.storage.service.DiskAttachments;
import org.xenplane.storage.service.DiskMoves;
import org.xenplane.storage.service.VbdHotplug;
import org.xenplane.storage.service.VbdOperation;
import org.xenplane.storage.service.VbdService;
import org.xenplane.storage.service.VmDisks;

/**
 * {@code /api/v1/vbds}: VMs' disk slots, and the storage halves of VM operations that the VM
 * service calls ({@code attach-vm} at start, {@code detach-vm} at stop, {@code clone-vm},
 * {@code destroy-vm}).
 */
@Path("/api/v1/vbds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vbds")
public class VbdResource {
    private static final String VM = "vm";

    private final VbdService vbds;
    private final DiskAttachments attachments;
    private final VmDisks vmDisks;
    private final VbdHotplug hotplug;
    private final DiskMoves moves;
    private final AttachedDisks attached;
    private final TaskRunner tasks;
    private final CurrentCaller caller;

    public VbdResource(VbdService vbds, DiskAttachments attachments, VmDisks vmDisks, VbdHotplug hotplug, DiskMoves moves,
                       AttachedDisks attached, TaskRunner tasks, CurrentCaller caller) {
        this.moves = moves;
        this.attached = attached;
        this.vbds = vbds;
        this.attachments = attachments;
        this.vmDisks = vmDisks;
        this.hotplug = hotplug;
        this.tasks = tasks;
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
        TaskView task = tasks.run(new TaskRequest(VbdOperation.CREATE, VM, body.vmId(), IdempotencyKeys.validate(key)),
                caller.get().subject(), ctx -> TaskResult.of(Vbd.CLASS, vbds.create(body)));
        return Response.status(Response.Status.CREATED).entity(vbds.get(task.result().id()))
                .header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vbd.destroy")
    @Operation(summary = "Destroy a VBD", description = "Only when detached; its VDI stays.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        TaskView task = tasks.run(request(VbdOperation.DESTROY, vbdId, key), caller.get().subject(), ctx -> {
            vbds.destroy(vbdId);
            return TaskResult.NONE;
        });
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
        AttachedDisk[] disk = new AttachedDisk[1];
        tasks.run(request(VbdOperation.ATTACH, vbdId, key), caller.get().subject(), ctx -> {
            VbdOperation.ATTACH.assertAllowed(vbds.entity(vbdId));
            disk[0] = attachments.attach(null, vbdId, body.hostId(), ctx.taskId().toString()).get(0);
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return disk[0];
    }

    @POST
    @Path("/{id}/detach")
    @Authorized("vbd.detach")
    @Operation(summary = "Detach a VBD's disk (storage half of VBD.unplug)")
    @APIResponse(responseCode = "200", description = "The VBD; the task id is in the Xenplane-Task header")
    public Response detach(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        TaskView task = tasks.run(request(VbdOperation.DETACH, vbdId, key), caller.get().subject(), ctx -> {
            VbdOperation.DETACH.assertAllowed(vbds.entity(vbdId));
            attachments.detach(null, vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return TaskResponses.finished(task, vbds.get(vbdId));
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
        AttachedDisk[] disk = new AttachedDisk[1];
        tasks.run(request(VbdOperation.PLUG, vbdId, key), caller.get().subject(), ctx -> {
            disk[0] = hotplug.plug(vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return disk[0];
    }

    @POST
    @Path("/{id}/unplug")
    @Authorized("vbd.unplug")
    @Operation(summary = "Hot-unplug a VBD from its running VM (XenAPI VBD.unplug)", description = "The domain lets"
            + " the disk go, then the disk is released on the host.")
    @APIResponse(responseCode = "200", description = "The VBD; the task id is in the Xenplane-Task header")
    public Response unplug(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        TaskView task = tasks.run(request(VbdOperation.UNPLUG, vbdId, key), caller.get().subject(), ctx -> {
            hotplug.unplug(vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return TaskResponses.finished(task, vbds.get(vbdId));
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
        AttachedDisk[] disk = new AttachedDisk[1];
        tasks.run(request(VbdOperation.INSERT, vbdId, key), caller.get().subject(), ctx -> {
            disk[0] = hotplug.insert(vbdId, body.vdiId(), ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return disk[0];
    }

    @POST
    @Path("/{id}/eject")
    @Authorized("vbd.eject")
    @Operation(summary = "Eject a CD drive's medium", description = "From the drive of a running VM, the domain lets"
            + " the medium go first.")
    @APIResponse(responseCode = "200", description = "The empty drive; the task id is in the Xenplane-Task header")
    public Response eject(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vbdId = Ids.parse(Vbd.CLASS, id);
        TaskView task = tasks.run(request(VbdOperation.EJECT, vbdId, key), caller.get().subject(), ctx -> {
            hotplug.eject(vbdId, ctx.taskId().toString());
            return TaskResult.of(Vbd.CLASS, vbdId);
        });
        return TaskResponses.finished(task, vbds.get(vbdId));
    }

    @POST
    @Path("/attach-vm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.attach_vm")
    @Operation(summary = "Attach all of a VM's disks on a host (storage half of VM start)", description = "Body: vmId,"
            + " hostId. Every VBD is reserved in one transaction (VDI_IN_USE when another running VM has a read-write"
            + " VDI) and activated; answers, per VBD, the path and format the hypervisor opens. Idempotent.")
    @APIResponse(responseCode = "200", description = "The attached disks, by userdevice")
    public List<AttachedDisk> attachVm(@NotNull @Valid VmRef body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (body.hostId() == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "hostId", "required");
        }
        @SuppressWarnings("unchecked")
        List<AttachedDisk>[] disks = new List[1];
        tasks.run(vmRequest(VbdOperation.ATTACH_VM, body.vmId(), key), caller.get().subject(), ctx -> {
            disks[0] = attachments.attach(body.vmId(), null, body.hostId(), ctx.taskId().toString());
            return TaskResult.NONE;
        });
        return disks[0];
    }

    @POST
    @Path("/attached-vms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.attached_vms")
    @Operation(summary = "Which VMs have a disk attached now (for the VM service's views)", description = "Body: vmIds"
            + " (at most 500). Answers those of them with a disk (not a CD) that some VBD has attached now; a VM"
            + " without VBDs, or unknown here, is not among them. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The VMs with an attached disk")
    public VmIds attachedVms(@NotNull @Valid VmIds body) {
        return new VmIds(List.copyOf(attached.among(body.vmIds())));
    }

    @POST
    @Path("/detach-vm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.detach_vm")
    @Operation(summary = "Detach all of a VM's disks (storage half of VM shutdown)", description = "Body: vmId."
            + " Releases every attached VBD of the VM; idempotent.")
    @APIResponse(responseCode = "200", description = "The VM's VBDs")
    public Response detachVm(@NotNull @Valid VmRef body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskView task = tasks.run(vmRequest(VbdOperation.DETACH_VM, body.vmId(), key), caller.get().subject(), ctx -> {
            attachments.detach(body.vmId(), null, ctx.taskId().toString());
            return TaskResult.NONE;
        });
        return TaskResponses.finished(task, vbds.list(body.vmId(), null));
    }

    @POST
    @Path("/move-vm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.move_vm")
    @Operation(summary = "Move a VM's disks to another host (storage half of VM migration)", description = "Body: vmId,"
            + " hostId, step. `prepare` activates every attached disk on the destination (SR_NOT_ATTACHED when an SR"
            + " is not plugged there) and answers the disks as it opens them; `complete` records them attached there"
            + " and releases them on the old host; `abort` releases them on the destination.")
    @APIResponse(responseCode = "200", description = "The disks on the destination (prepare), or none")
    public List<AttachedDisk> moveVm(@NotNull @Valid VmRef body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (body.hostId() == null || body.step() == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, body.hostId() == null ? "hostId" : "step", "required");
        }
        List<AttachedDisk> disks = new java.util.ArrayList<>();
        tasks.run(vmRequest(VbdOperation.MOVE_VM, body.vmId(), key), caller.get().subject(), ctx -> {
            String op = ctx.taskId().toString();
            switch (body.step()) {
                case "prepare" -> disks.addAll(moves.prepare(body.vmId(), body.hostId(), op));
                case "complete" -> moves.complete(body.vmId(), body.hostId(), op);
                default -> moves.abort(body.vmId(), body.hostId(), op);
            }
            return TaskResult.NONE;
        });
        return disks;
    }

    @POST
    @Path("/clone-vm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.clone_vm")
    @Operation(summary = "Give a new VM the disks of a VM (storage half of VM clone, copy and snapshot)",
            description = "Body: vmId, newVmId, mode (clone, snapshot or copy), srId for copies. Each disk is cloned,"
                    + " snapshotted or copied and gets a VBD of the new VM in the same slot.")
    @APIResponse(responseCode = "202", description = "The task, with progress")
    public Response cloneVm(@NotNull @Valid VmRef body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (body.newVmId() == null || body.mode() == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, body.newVmId() == null ? "newVmId" : "mode", "required");
        }
        TaskView task = tasks.submit(vmRequest(VbdOperation.CLONE_VM, body.vmId(), key), caller.get().subject(), ctx -> {
            vmDisks.cloneVm(body.vmId(), body.newVmId(), body.mode(), body.srId(), ctx);
            return TaskResult.of(VM, body.newVmId());
        });
        return TaskResponses.accepted(task);
    }

    @POST
    @Path("/destroy-vm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.destroy_vm")
    @Operation(summary = "Destroy a VM's VBDs (storage half of VM destroy)", description = "Body: vmId, destroyDisks."
            + " With destroyDisks, its disks that no other VM uses go too (not CD media).")
    @APIResponse(responseCode = "204", description = "Done; the task id is in the Xenplane-Task header")
    public Response destroyVm(@NotNull @Valid VmRef body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskView task = tasks.run(vmRequest(VbdOperation.DESTROY_VM, body.vmId(), key), caller.get().subject(), ctx -> {
            vmDisks.destroyVm(body.vmId(), Boolean.TRUE.equals(body.destroyDisks()), ctx);
            return TaskResult.NONE;
        });
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    private static TaskRequest request(VbdOperation op, UUID id, String key) {
        return new TaskRequest(op, Vbd.CLASS, id, IdempotencyKeys.validate(key));
    }

    private static TaskRequest vmRequest(VbdOperation op, UUID vmId, String key) {
        return new TaskRequest(op, VM, vmId, IdempotencyKeys.validate(key));
    }
}
