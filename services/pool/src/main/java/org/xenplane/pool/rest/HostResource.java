package org.xenplane.pool.rest;

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
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.daemon.protocol.Heartbeat;
import org.xenplane.daemon.protocol.ha.HeartbeatAck;
import org.xenplane.pool.api.HostView;
import org.xenplane.pool.model.Host;
import org.xenplane.pool.service.HostChanges;
import org.xenplane.pool.service.HostLiveness;
import org.xenplane.pool.service.HostOperation;
import org.xenplane.pool.service.HostService;

/** {@code /api/v1/hosts}: the pool's hosts. */
@Path("/api/v1/hosts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hosts")
public class HostResource {
    private final HostService hosts;
    private final HostLiveness liveness;
    private final HostChanges changes;
    private final CurrentCaller caller;

    public HostResource(HostService hosts, HostLiveness liveness, HostChanges changes, CurrentCaller caller) {
        this.hosts = hosts;
        this.liveness = liveness;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("host.read")
    @Operation(summary = "List hosts")
    @APIResponse(responseCode = "200", description = "Every host of the pool")
    public List<HostView> list() {
        return hosts.list();
    }

    @GET
    @Path("/{id}")
    @Authorized("host.read")
    @Operation(summary = "Get a host")
    @APIResponse(responseCode = "200", description = "The host")
    public HostView get(@PathParam("id") String id) {
        return hosts.get(Ids.parse(Host.CLASS, id));
    }

    @POST
    @Path("/{id}/disable")
    @Authorized("host.disable")
    @Operation(summary = "Disable a host", description = "It stays in the pool but takes no new VMs.")
    @APIResponse(responseCode = "200", description = "The host; the task id is in the Xenplane-Task header")
    public Response disable(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return setEnabled(id, HostOperation.DISABLE, key);
    }

    @POST
    @Path("/{id}/enable")
    @Authorized("host.enable")
    @Operation(summary = "Enable a host")
    @APIResponse(responseCode = "200", description = "The host; the task id is in the Xenplane-Task header")
    public Response enable(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return setEnabled(id, HostOperation.ENABLE, key);
    }

    @POST
    @Path("/{id}/evacuate")
    @Authorized("host.evacuate")
    @Operation(summary = "Evacuate a host (XenAPI host.evacuate)",
            description = "Live-migrates every VM running on the host to other hosts, one by one, keeping HA's failover "
                    + "plan. Disable the host first to keep new VMs off it (maintenance).")
    @APIResponse(responseCode = "202", description = "The evacuation task; it fails with CANNOT_EVACUATE_HOST naming "
            + "the first VM that could not leave")
    public Response evacuate(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID hostId = Ids.parse(Host.CLASS, id);
        return TaskResponses.accepted(changes.evacuate(hostId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/maintenance/enter")
    @Authorized("host.enter_maintenance")
    @Operation(summary = "Enter maintenance mode (disable, then evacuate)",
            description = "Disables the host at once (no new VMs), then live-migrates every VM away as host.evacuate does; "
                    + "the host shows maintenance: true once empty. If the evacuation fails the host stays disabled.")
    @APIResponse(responseCode = "202", description = "The maintenance task; it fails with CANNOT_EVACUATE_HOST naming the "
            + "first VM that could not leave")
    @APIResponse(responseCode = "409", description = "HOST_NOT_LIVE, OPERATION_NOT_ALLOWED (already in maintenance) or "
            + "HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN")
    public Response enterMaintenance(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID hostId = Ids.parse(Host.CLASS, id);
        return TaskResponses.accepted(changes.enterMaintenance(hostId, caller.get().subject(), IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/{id}/maintenance/exit")
    @Authorized("host.exit_maintenance")
    @Operation(summary = "Exit maintenance mode", description = "Enables the host again.")
    @APIResponse(responseCode = "200", description = "The host; the task id is in the Xenplane-Task header")
    @APIResponse(responseCode = "409", description = "OPERATION_NOT_ALLOWED: the host is not in maintenance")
    public Response exitMaintenance(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID hostId = Ids.parse(Host.CLASS, id);
        TaskOutcome<HostView> done = changes.exitMaintenance(hostId, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(done.task(), done.value());
    }

    @DELETE
    @Path("/{id}")
    @Authorized("host.destroy")
    @Operation(summary = "Forget a host", description = "Only a host that is not live; its daemon's credential is revoked.")
    @APIResponse(responseCode = "204", description = "Forgotten; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID hostId = Ids.parse(Host.CLASS, id);
        TaskView task = changes.destroy(hostId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("host.heartbeat")
    @Operation(summary = "Heartbeat (host daemons)", description = "Only the host's own daemon, with its host credential.")
    @APIResponse(responseCode = "200", description = "Recorded; the body is the host's HA terms (HeartbeatAck: HA on or "
            + "off, the timeout T, the pool's other hosts and the peer token), see docs/ha.md")
    public HeartbeatAck heartbeat(@PathParam("id") String id, @NotNull @Valid Heartbeat heartbeat) {
        UUID hostId = Ids.parse(Host.CLASS, id);
        if (!caller.get().subject().equals(hostId.toString())) {
            throw new XenplaneException(ErrorCode.RBAC_PERMISSION_DENIED, HostOperation.HEARTBEAT.id(), "host " + hostId);
        }
        return liveness.heartbeat(hostId, heartbeat.facts());
    }

    private Response setEnabled(String id, HostOperation operation, String key) {
        UUID hostId = Ids.parse(Host.CLASS, id);
        TaskOutcome<HostView> done = changes.setEnabled(hostId, operation, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(done.task(), done.value());
    }
}
