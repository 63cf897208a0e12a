package org.xenplane.storage.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.storage.api.AttachedDisk;
import org.xenplane.storage.api.VbdView;
import org.xenplane.storage.api.VmIds;
import org.xenplane.storage.api.VmRef;
import org.xenplane.storage.service.AttachedDisks;
import org.xenplane.storage.service.VmDiskCalls;

/**
 * The storage halves of VM operations, called by the VM service when it runs apart from the
 * storage service ({@code StorageOverRest}): {@code attach-vm} at start, {@code detach-vm} at stop,
 * {@code move-vm} in migration, {@code clone-vm} for clone, copy and snapshot, {@code destroy-vm},
 * and {@code attached-vms} for its views. Each is authorized by its own operation, which the VM
 * service's credential holds; they share {@code /api/v1/vbds} with {@link VbdResource}.
 */
@Path("/api/v1/vbds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vbds")
public class VmDisksResource {
    private final VmDiskCalls vmDisks;
    private final AttachedDisks attached;
    private final CurrentCaller caller;

    public VmDisksResource(VmDiskCalls vmDisks, AttachedDisks attached, CurrentCaller caller) {
        this.vmDisks = vmDisks;
        this.attached = attached;
        this.caller = caller;
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
        return vmDisks.attachVm(body.vmId(), body.hostId(), caller.get().subject(), IdempotencyKeys.validate(key));
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
        TaskOutcome<List<VbdView>> detached = vmDisks.detachVm(body.vmId(), caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(detached.task(), detached.value());
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
        return vmDisks.moveVm(body.vmId(), body.hostId(), body.step(), caller.get().subject(), IdempotencyKeys.validate(key));
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
        return TaskResponses.accepted(vmDisks.cloneVm(body.vmId(), body.newVmId(), body.mode(), body.srId(), caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/destroy-vm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vbd.destroy_vm")
    @Operation(summary = "Destroy a VM's VBDs (storage half of VM destroy)", description = "Body: vmId, destroyDisks."
            + " With destroyDisks, its disks that no other VM uses go too (not CD media).")
    @APIResponse(responseCode = "204", description = "Done; the task id is in the Xenplane-Task header")
    public Response destroyVm(@NotNull @Valid VmRef body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskView task = vmDisks.destroyVm(body.vmId(), Boolean.TRUE.equals(body.destroyDisks()), caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }
}
