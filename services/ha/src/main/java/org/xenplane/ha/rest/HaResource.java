package org.xenplane.ha.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.ha.api.HaEnableRequest;
import org.xenplane.ha.api.HaOvercommitRequest;
import org.xenplane.ha.api.HaView;
import org.xenplane.ha.service.HaSettingsService;
import org.xenplane.ha.service.HaViews;

/** {@code /api/v1/ha}: the pool's high availability (docs/ha.md). Parses, authorizes, calls one service method. */
@Path("/api/v1/ha")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ha")
public class HaResource {
    private static final String DONE = "The pool's HA now; the task id is in the Xenplane-Task header";

    private final HaSettingsService settings;
    private final HaViews views;
    private final CurrentCaller caller;

    public HaResource(HaSettingsService settings, HaViews views, CurrentCaller caller) {
        this.settings = settings;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Authorized("ha.read")
    @Operation(summary = "The pool's HA", description = "Whether HA is enabled, its timeout T, host failures to tolerate, "
            + "overcommit, whether the hosts heard from form a quorum, each host's HA state (live, silent, dead) with "
            + "its last heartbeat, and the protected VMs still to restart.")
    @APIResponse(responseCode = "200", description = "The pool's HA")
    public HaView get() {
        return views.view();
    }

    @POST
    @Path("/enable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("ha.enable")
    @Operation(summary = "Enable HA (XenAPI pool.enable_ha)", description = "`timeoutSeconds` (T, 6..3600, default 30) "
            + "and `hostFailuresToTolerate` (0 or more, default 0). Hosts then hold leases renewed by their heartbeats; "
            + "a host silent for T + xenplane.ha.safety-margin is declared dead and its protected VMs restart elsewhere. "
            + "The body is optional.")
    @APIResponse(responseCode = "200", description = DONE)
    public Response enable(@Valid HaEnableRequest body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        HaEnableRequest request = body == null ? new HaEnableRequest(null, null) : body;
        return done(settings.enable(request.timeoutSeconds(), request.hostFailuresToTolerate(), who(),
                IdempotencyKeys.validate(key)));
    }

    @POST
    @Path("/disable")
    @Authorized("ha.disable")
    @Operation(summary = "Disable HA (XenAPI pool.disable_ha)", description = "Hosts stop holding leases and fencing; "
            + "no host is declared dead and no VM restarted until HA is enabled again.")
    @APIResponse(responseCode = "200", description = DONE)
    public Response disable(@HeaderParam(IdempotencyKeys.HEADER) String key) {
        return done(settings.disable(who(), IdempotencyKeys.validate(key)));
    }

    @PUT
    @Path("/allow-overcommit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("ha.set_allow_overcommit")
    @Operation(summary = "Allow or forbid overcommit (XenAPI pool.ha_allow_overcommit)",
            description = "`{\"allowOvercommit\": true}`: operations may break the failover plan (recorded now; the plan "
                    + "and its refusals come in a later phase).")
    @APIResponse(responseCode = "200", description = DONE)
    public Response allowOvercommit(@NotNull @Valid HaOvercommitRequest body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return done(settings.allowOvercommit(body.allowOvercommit(), who(), IdempotencyKeys.validate(key)));
    }

    private Response done(TaskView task) {
        return TaskResponses.finished(task, views.view());
    }

    private String who() {
        return caller.get().subject();
    }
}
