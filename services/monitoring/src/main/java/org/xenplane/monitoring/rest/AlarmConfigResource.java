package org.xenplane.monitoring.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.monitoring.api.AlarmConfigUpdate;
import org.xenplane.monitoring.api.AlarmConfigView;
import org.xenplane.monitoring.service.AlarmConfigChanges;
import org.xenplane.monitoring.service.AlarmConfigs;

/**
 * {@code /api/v1/metrics/{hosts,vms}/{id}/alarms}: a host's or VM's own alarm thresholds over the
 * pool defaults (XenServer's {@code other_config:perfmon}).
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class AlarmConfigResource {
    private static final String SET_DOC = "Replaces the object's own thresholds: `cpuUsageAbove` (ratio, 0 < x <= 1) and"
            + " `memoryFreeBelow` (bytes, 0 to 2^50); a field left out or null follows the pool default"
            + " (`xenplane.monitoring.alarms.*`). An `alarm_config mod` event carries the new state.";

    private final AlarmConfigs configs;
    private final AlarmConfigChanges changes;
    private final CurrentCaller caller;

    public AlarmConfigResource(AlarmConfigs configs, AlarmConfigChanges changes, CurrentCaller caller) {
        this.configs = configs;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Path("/hosts/{id}/alarms")
    @Authorized("alarm_config.read")
    @Operation(summary = "A host's alarm thresholds", description = "The thresholds in force and which the host sets itself.")
    @APIResponse(responseCode = "200", description = "The thresholds")
    public AlarmConfigView hostAlarms(@PathParam("id") String id) {
        return AlarmConfigView.of(configs.get("host", Ids.parse("host", id)));
    }

    @PUT
    @Path("/hosts/{id}/alarms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("alarm_config.set_host")
    @Operation(summary = "Set a host's alarm thresholds", description = SET_DOC)
    @APIResponse(responseCode = "200", description = "The thresholds; the task id is in the Xenplane-Task header")
    public Response setHostAlarms(@PathParam("id") String id, @NotNull AlarmConfigUpdate body,
                                  @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return set("host", Ids.parse("host", id), body.overrides(), key);
    }

    @DELETE
    @Path("/hosts/{id}/alarms")
    @Authorized("alarm_config.set_host")
    @Operation(summary = "Clear a host's alarm thresholds", description = "Back to the pool defaults.")
    @APIResponse(responseCode = "200", description = "The thresholds now; the task id is in the Xenplane-Task header")
    public Response clearHostAlarms(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return set("host", Ids.parse("host", id), AlarmConfigs.Overrides.NONE, key);
    }

    @GET
    @Path("/vms/{id}/alarms")
    @Authorized("alarm_config.read")
    @Operation(summary = "A VM's alarm thresholds", description = "The thresholds in force and which the VM sets itself.")
    @APIResponse(responseCode = "200", description = "The thresholds")
    public AlarmConfigView vmAlarms(@PathParam("id") String id) {
        return AlarmConfigView.of(configs.get("vm", Ids.parse("vm", id)));
    }

    @PUT
    @Path("/vms/{id}/alarms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("alarm_config.set_vm")
    @Operation(summary = "Set a VM's alarm thresholds", description = SET_DOC)
    @APIResponse(responseCode = "200", description = "The thresholds; the task id is in the Xenplane-Task header")
    public Response setVmAlarms(@PathParam("id") String id, @NotNull AlarmConfigUpdate body,
                                @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return set("vm", Ids.parse("vm", id), body.overrides(), key);
    }

    @DELETE
    @Path("/vms/{id}/alarms")
    @Authorized("alarm_config.set_vm")
    @Operation(summary = "Clear a VM's alarm thresholds", description = "Back to the pool defaults.")
    @APIResponse(responseCode = "200", description = "The thresholds now; the task id is in the Xenplane-Task header")
    public Response clearVmAlarms(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return set("vm", Ids.parse("vm", id), AlarmConfigs.Overrides.NONE, key);
    }

    private Response set(String objectClass, UUID objectId, AlarmConfigs.Overrides wanted, String key) {
        TaskOutcome<AlarmConfigs.Effective> done = changes.set(objectClass, objectId, wanted, caller.get().subject(),
                IdempotencyKeys.validate(key));
        return TaskResponses.finished(done.task(), AlarmConfigView.of(done.value()));
    }
}
