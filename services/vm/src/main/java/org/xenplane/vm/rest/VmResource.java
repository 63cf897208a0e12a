package org.xenplane.vm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.vm.api.VmCreate;
import org.xenplane.vm.api.VmRequests;
import org.xenplane.vm.api.VmSettings;
import org.xenplane.vm.api.VmView;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.VmOperation;
import org.xenplane.vm.service.VmRecordOperations;
import org.xenplane.vm.service.VmService;
import org.xenplane.vm.service.VmHaProtection;
import org.xenplane.vm.service.VmUpdates;

/** {@code /api/v1/vms}: VMs, templates and snapshots as records (the power operations are in {@link VmPowerResource}). */
@Path("/api/v1/vms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vms")
public class VmResource {
    private final VmService vms;
    private final VmUpdates updates;
    private final VmHaProtection protection;
    private final VmRecordOperations records;
    private final CurrentCaller caller;

    public VmResource(VmService vms, VmUpdates updates, VmHaProtection protection, VmRecordOperations records,
                      CurrentCaller caller) {
        this.protection = protection;
        this.vms = vms;
        this.updates = updates;
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Authorized("vm.read")
    @Operation(summary = "List VMs, templates and snapshots",
            description = "`template=true` lists templates (snapshots included), `false` VMs; `powerState` filters by state.")
    @APIResponse(responseCode = "200", description = "The VMs, by name")
    public List<VmView> list(@QueryParam("template") Boolean template, @QueryParam("powerState") String powerState) {
        return vms.list(template, state(powerState));
    }

    @GET
    @Path("/{id}")
    @Authorized("vm.read")
    @Operation(summary = "Get a VM")
    @APIResponse(responseCode = "200", description = "The VM")
    public VmView get(@PathParam("id") String id) {
        return vms.get(Ids.parse(Vm.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.create")
    @Operation(summary = "Create a VM", description = "From a template (its settings, overridden by those given) or from scratch.")
    @APIResponse(responseCode = "201", description = "The new VM; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid VmCreate request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return createdResponse(records.create(request, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.update")
    @Operation(summary = "Change a VM's settings",
            description = "Dynamic memory and vCPUs at startup change live on a running VM; other settings only when halted.")
    @APIResponse(responseCode = "200", description = "The VM; the task id is in the Xenplane-Task header")
    public Response update(@PathParam("id") String id, @NotNull @Valid VmSettings settings,
                           @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = Ids.parse(Vm.CLASS, id);
        TaskView task = updates.update(vmId, settings, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(task, vms.get(vmId));
    }

    @PUT
    @Path("/{id}/ha")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.set_ha")
    @Operation(summary = "Set a VM's HA protection",
            description = "`restartPriority`: `restart` (restarted on another host when its host dies, retried until it "
                    + "runs), `best-effort` (tried once, after every `restart` VM) or empty (not protected); `order`: "
                    + "lower first; `startDelaySeconds` (0..3600): the wait after it before the next. See docs/ha.md.")
    @APIResponse(responseCode = "200", description = "The VM; the task id is in the Xenplane-Task header")
    public Response setHa(@PathParam("id") String id, @NotNull VmRequests.Ha body,
                          @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = Ids.parse(Vm.CLASS, id);
        TaskView task = protection.set(vmId, body.restartPriority(), body.order() == null ? 0 : body.order(),
                body.startDelaySeconds() == null ? 0 : body.startDelaySeconds(), caller.get().subject(),
                IdempotencyKeys.validate(key));
        return TaskResponses.finished(task, vms.get(vmId));
    }

    @DELETE
    @Path("/{id}")
    @Authorized("vm.destroy")
    @Operation(summary = "Destroy a halted VM, template or snapshot", description = "Its VBDs and VIFs go with it;"
            + " its disks stay unless `destroyDisks=true` (then those no other VM uses go too).")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @QueryParam("destroyDisks") @DefaultValue("false") boolean destroyDisks,
                            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = Ids.parse(Vm.CLASS, id);
        TaskView task = records.destroy(vmId, destroyDisks, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.clone")
    @Operation(summary = "Clone a halted VM or a template", description = "The clone's `parent` is the source.")
    @APIResponse(responseCode = "201", description = "The clone; the task id is in the Xenplane-Task header")
    public Response cloneVm(@PathParam("id") String id, @NotNull @Valid VmRequests.NewName body,
                            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return copy(id, body.name(), VmOperation.CLONE, key);
    }

    @POST
    @Path("/{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.copy")
    @Operation(summary = "Copy a halted VM or a template", description = "A full copy: once VMs have disks, their disks are copied too.")
    @APIResponse(responseCode = "201", description = "The copy; the task id is in the Xenplane-Task header")
    public Response copyVm(@PathParam("id") String id, @NotNull @Valid VmRequests.NewName body,
                           @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return copy(id, body.name(), VmOperation.COPY, key);
    }

    @POST
    @Path("/{id}/snapshot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.snapshot")
    @Operation(summary = "Snapshot a VM", description = "A template recording the VM's settings now; it lists under the VM's `snapshots`.")
    @APIResponse(responseCode = "201", description = "The snapshot; the task id is in the Xenplane-Task header")
    public Response snapshot(@PathParam("id") String id, @NotNull @Valid VmRequests.NewName body,
                             @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = Ids.parse(Vm.CLASS, id);
        return createdResponse(records.snapshot(vmId, body.name(), caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.revert")
    @Operation(summary = "Revert a halted VM to one of its snapshots")
    @APIResponse(responseCode = "200", description = "The VM; the task id is in the Xenplane-Task header")
    public Response revert(@PathParam("id") String id, @NotNull @Valid VmRequests.Revert body,
                           @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = Ids.parse(Vm.CLASS, id);
        TaskOutcome<VmView> reverted = records.revert(vmId, body.snapshot(), caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(reverted.task(), reverted.value());
    }

    private Response copy(String id, String name, VmOperation operation, String key) {
        UUID vmId = Ids.parse(Vm.CLASS, id);
        return createdResponse(records.copy(vmId, name, operation, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    /** 201 with the new VM (on a replayed key, the one the original call made). */
    private static Response createdResponse(TaskOutcome<VmView> made) {
        return Response.created(URI.create("/api/v1/vms/" + made.value().id())).entity(made.value())
                .header(TaskResponses.TASK_HEADER, made.task().id().toString()).build();
    }

    private static PowerState state(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return PowerState.fromWireName(raw);
        } catch (IllegalArgumentException e) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "powerState", "halted, paused, running or suspended");
        }
    }
}
