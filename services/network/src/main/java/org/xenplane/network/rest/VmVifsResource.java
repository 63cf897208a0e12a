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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.network.Nic;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.vm.VmDomains;
import org.xenplane.network.api.VifCount;
import org.xenplane.network.api.VmVifsCall;
import org.xenplane.network.service.NetworkingForVms;
import org.xenplane.network.service.VmVifChanges;

/**
 * {@code /api/v1/vm-vifs/{vm}}: the network halves of VM operations, on all of a VM's VIFs at once,
 * for a VM service that runs in another process (core's {@code NetworkingOverRest}). Each answers
 * what the in-process {@link NetworkingForVms} answers, for a VM that exists ({@code HANDLE_INVALID}
 * otherwise, as the VM service in the process answers; without it every VM counts as existing);
 * the changes run as tasks on the VM.
 */
@Path("/api/v1/vm-vifs/{vm}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vifs")
public class VmVifsResource {
    private static final String VM = "vm";

    private final NetworkingForVms networking;
    private final VmDomains vms;
    private final VmVifChanges changes;
    private final CurrentCaller caller;

    public VmVifsResource(NetworkingForVms networking, VmDomains vms, VmVifChanges changes, CurrentCaller caller) {
        this.networking = networking;
        this.vms = vms;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("vif.nics_vm")
    @Operation(summary = "A VM's NICs (network half of VM start)", description = "Each VIF of the VM in device order,"
            + " with its network's bridge, MAC, MTU, model and locking mode.")
    @APIResponse(responseCode = "200", description = "The NICs")
    public List<Nic> nics(@PathParam("vm") String vm) {
        return networking.nicsForVm(existing(vm));
    }

    @POST
    @Path("/ensure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vif.ensure_vm")
    @Operation(summary = "Make a VM's networks on a host (network half of VM start and migration)", description = "Body:"
            + " hostId. Each network's bridge is made on the host with its uplink; answers the VM's NICs. Idempotent.")
    @APIResponse(responseCode = "200", description = "The NICs")
    public List<Nic> ensure(@PathParam("vm") String vm, @NotNull @Valid VmVifsCall body,
                            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = existing(vm);
        UUID hostId = required("hostId", body.hostId());
        return changes.ensure(vmId, hostId, caller.get().subject(), IdempotencyKeys.validate(key));
    }

    @POST
    @Path("/attached")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vif.mark_vm")
    @Operation(summary = "Mark a VM's VIFs attached or not (after its power state changed)", description = "Body:"
            + " attached. An event for each VIF that changed.")
    @APIResponse(responseCode = "200", description = "The VM's NICs")
    public List<Nic> attached(@PathParam("vm") String vm, @NotNull @Valid VmVifsCall body,
                              @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = existing(vm);
        boolean attached = required("attached", body.attached());
        return changes.markAttached(vmId, attached, caller.get().subject(), IdempotencyKeys.validate(key));
    }

    @POST
    @Path("/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vif.copy_vm")
    @Operation(summary = "Copy a VM's VIFs to a new VM (network half of VM clone, copy and snapshot)", description = "Body:"
            + " toVmId. Same devices, networks and settings, new MACs, unattached; nothing when the new VM has VIFs"
            + " already.")
    @APIResponse(responseCode = "200", description = "How many VIFs were made")
    public VifCount copy(@PathParam("vm") String vm, @NotNull @Valid VmVifsCall body,
                         @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = existing(vm);
        UUID toVm = required("toVmId", body.toVmId());
        return new VifCount(changes.copy(vmId, toVm, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @DELETE
    @Authorized("vif.destroy_vm")
    @Operation(summary = "Destroy a VM's VIFs (network half of VM destroy)", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "How many VIFs were removed")
    public VifCount destroy(@PathParam("vm") String vm, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = existing(vm);
        return new VifCount(changes.destroy(vmId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    /** The VM of the path; a VM that does not exist (as the VM service answers) is HANDLE_INVALID. */
    private UUID existing(String vm) {
        UUID vmId = Ids.parse(VM, vm);
        if (!vms.exists(vmId)) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, VM, vmId);
        }
        return vmId;
    }


    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, field, "required");
        }
        return value;
    }
}
