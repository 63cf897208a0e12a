package org.xenplane.vm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.vm.api.VmRequests;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.DomainOperations;
import org.xenplane.vm.service.MigrateOperation;
import org.xenplane.vm.service.ShutdownOperations;
import org.xenplane.vm.service.StartOperations;
import org.xenplane.vm.service.VmService;

/**
 * The power operations on {@code /api/v1/vms/{id}}. Long ones answer 202 with their task once
 * admitted; a refusal (wrong power state, another operation in progress, no host with the memory)
 * is the 409 answer itself. Pause and unpause finish in the request (200).
 */
@Path("/api/v1/vms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vms")
public class VmPowerResource {
    private static final String ACCEPTED = "Accepted: the task, at its Location and in the Xenplane-Task header";

    private final StartOperations starts;
    private final ShutdownOperations shutdowns;
    private final DomainOperations domains;
    private final MigrateOperation migrations;
    private final VmService vms;
    private final CurrentCaller caller;

    public VmPowerResource(StartOperations starts, ShutdownOperations shutdowns, DomainOperations domains,
                           MigrateOperation migrations, VmService vms, CurrentCaller caller) {
        this.starts = starts;
        this.shutdowns = shutdowns;
        this.domains = domains;
        this.migrations = migrations;
        this.vms = vms;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.start")
    @Operation(summary = "Start a halted VM", description = "On a live, enabled host with room for it, its affinity host first. "
            + "The body is optional: `{\"paused\": true}` leaves it paused.")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response start(@PathParam("id") String id, @Valid VmRequests.Start body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(starts.start(vm(id), null, body != null && body.paused(), who(), key(key)));
    }

    @POST
    @Path("/{id}/start-on")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.start_on")
    @Operation(summary = "Start a halted VM on a given host")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response startOn(@PathParam("id") String id, @NotNull @Valid VmRequests.StartOn body,
                            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(starts.start(vm(id), body.host(), body.paused(), who(), key(key)));
    }

    @POST
    @Path("/{id}/clean-shutdown")
    @Authorized("vm.clean_shutdown")
    @Operation(summary = "Ask a running VM's guest to shut down",
            description = "After xenplane.vm.clean-shutdown-timeout without the guest obliging, the task fails with "
                    + "VM_SHUTDOWN_TIMEOUT and the VM keeps running.")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response cleanShutdown(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(shutdowns.cleanShutdown(vm(id), who(), key(key)));
    }

    @POST
    @Path("/{id}/hard-shutdown")
    @Authorized("vm.hard_shutdown")
    @Operation(summary = "Stop a VM at once", description = "Destroys its domain; a suspended VM loses its suspend image.")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response hardShutdown(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(shutdowns.hardShutdown(vm(id), who(), key(key)));
    }

    @POST
    @Path("/{id}/clean-reboot")
    @Authorized("vm.clean_reboot")
    @Operation(summary = "Ask a running VM's guest to reboot", description = "Fails with VM_REBOOT_TIMEOUT if the guest does not.")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response cleanReboot(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(shutdowns.cleanReboot(vm(id), who(), key(key)));
    }

    @POST
    @Path("/{id}/hard-reboot")
    @Authorized("vm.hard_reboot")
    @Operation(summary = "Destroy a VM's domain and build it again on the same host")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response hardReboot(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(shutdowns.hardReboot(vm(id), who(), key(key)));
    }

    @POST
    @Path("/{id}/suspend")
    @Authorized("vm.suspend")
    @Operation(summary = "Suspend a running VM", description = "Its state goes to an image on its host; its memory is freed.")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response suspend(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(domains.suspend(vm(id), who(), key(key)));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.resume")
    @Operation(summary = "Resume a suspended VM", description = "On the host that holds its image. The body is optional.")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response resume(@PathParam("id") String id, @Valid VmRequests.Resume body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(starts.resume(vm(id), body != null && body.paused(), who(), key(key)));
    }

    @POST
    @Path("/{id}/pause")
    @Authorized("vm.pause")
    @Operation(summary = "Pause a running VM")
    @APIResponse(responseCode = "200", description = "The VM; the task id is in the Xenplane-Task header")
    public Response pause(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = vm(id);
        return TaskResponses.finished(domains.pause(vmId, who(), key(key)), vms.get(vmId));
    }

    @POST
    @Path("/{id}/unpause")
    @Authorized("vm.unpause")
    @Operation(summary = "Unpause a paused VM")
    @APIResponse(responseCode = "200", description = "The VM; the task id is in the Xenplane-Task header")
    public Response unpause(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = vm(id);
        return TaskResponses.finished(domains.unpause(vmId, who(), key(key)), vms.get(vmId));
    }

    @POST
    @Path("/{id}/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.pool_migrate")
    @Operation(summary = "Migrate a running VM live to another host of the pool")
    @APIResponse(responseCode = "202", description = ACCEPTED)
    public Response migrate(@PathParam("id") String id, @NotNull @Valid VmRequests.Migrate body,
                            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return accepted(migrations.migrate(vm(id), body.host(), who(), key(key)));
    }

    @POST
    @Path("/{id}/reset-power-state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.power_state_reset")
    @Operation(summary = "Record a VM on a host that is not live as halted (XenAPI VM.power_state_reset)",
            description = "For a host that died: the body must be `{\"force\": true}`. Touches no hypervisor; the VM's "
                    + "memory on the host and its disk attachments are released. If that host still ran the VM's "
                    + "domain, the VM could run twice: make sure the host is down first.")
    @APIResponse(responseCode = "200", description = "The VM, now halted; the task id is in the Xenplane-Task header")
    public Response resetPowerState(@PathParam("id") String id, @Valid VmRequests.ResetPowerState body,
                                    @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID vmId = vm(id);
        return TaskResponses.finished(shutdowns.resetPowerState(vmId, body != null && body.force(), who(), key(key)),
                vms.get(vmId));
    }

    private static Response accepted(TaskView task) {
        return TaskResponses.accepted(task);
    }

    private static UUID vm(String id) {
        return Ids.parse(Vm.CLASS, id);
    }

    private static String key(String key) {
        return IdempotencyKeys.validate(key);
    }

    private String who() {
        return caller.get().subject();
    }
}
