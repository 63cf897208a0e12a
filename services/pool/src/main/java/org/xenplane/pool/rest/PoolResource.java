package org.xenplane.pool.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.invariant.Inconsistency;
import org.xenplane.core.invariant.InvariantChecker;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.pool.api.JoinTokenRequest;
import org.xenplane.pool.api.JoinTokenView;
import org.xenplane.pool.api.PoolUpdate;
import org.xenplane.pool.api.PoolView;
import org.xenplane.pool.service.HostJoining;
import org.xenplane.pool.service.PoolChanges;
import org.xenplane.pool.service.PoolService;

/** {@code /api/v1/pool}: the pool record, join tokens, the join call daemons make, and the invariant checker. */
@Path("/api/v1/pool")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pool")
public class PoolResource {
    private final PoolService pool;
    private final HostJoining joining;
    private final PoolChanges changes;
    private final CurrentCaller caller;
    private final InvariantChecker invariants;

    public PoolResource(PoolService pool, HostJoining joining, PoolChanges changes, CurrentCaller caller,
                        InvariantChecker invariants) {
        this.pool = pool;
        this.joining = joining;
        this.changes = changes;
        this.caller = caller;
        this.invariants = invariants;
    }

    @GET
    @Authorized("pool.read")
    @Operation(summary = "The pool")
    @APIResponse(responseCode = "200", description = "The pool record")
    public PoolView get() {
        return pool.get();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("pool.update")
    @Operation(summary = "Change the pool's name, description, other_config or default SR")
    @APIResponse(responseCode = "200", description = "The updated pool; the task id is in the Xenplane-Task header")
    @APIResponse(responseCode = "404", description = "HANDLE_INVALID: defaultSr names no SR")
    @APIResponse(responseCode = "409", description = "SR_HAS_NO_PBDS: defaultSr is plugged on no host")
    public Response update(@NotNull @Valid PoolUpdate update, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<PoolView> done = changes.update(update, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(done.task(), done.value());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/join-tokens")
    @Authorized("pool.create_join_token")
    @Operation(summary = "Issue a join token", description = "A single-use, expiring token a host daemon presents once"
            + " to join. The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "The token, with its secret")
    public Response issueJoinToken(@Valid JoinTokenRequest request) {
        Integer ttl = request == null ? null : request.ttlSeconds();
        return Response.status(Response.Status.CREATED).entity(joining.issueToken(caller.get().subject(), ttl)).build();
    }

    @GET
    @Path("/join-tokens")
    @Authorized("pool.read_join_tokens")
    @Operation(summary = "List join tokens", description = "Without their secrets.")
    @APIResponse(responseCode = "200", description = "The tokens")
    public List<JoinTokenView> joinTokens() {
        return joining.tokens();
    }

    @GET
    @Path("/invariants")
    @Authorized("pool.check_invariants")
    @Operation(summary = "List the records' inconsistencies", description = "Every invariant check of the process "
            + "(tasks, VMs, reservations, disk attachments, hosts) against the records now; changes nothing. Each "
            + "inconsistency is {kind, objectClass, objectId, detail}; the kinds are listed in docs/api.md.")
    @APIResponse(responseCode = "200", description = "The inconsistencies found, an empty list when all is right")
    public List<Inconsistency> invariants() {
        return invariants.check();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/join")
    @Authorized("pool.join")
    @Operation(summary = "Join the pool (host daemons)", description = "A daemon presents a join token and its host's"
            + " facts; it receives the host id and the credentials of its link, once.")
    @APIResponse(responseCode = "200", description = "The host id and credentials")
    public JoinResponse join(@NotNull @Valid JoinRequest request) {
        return joining.join(request);
    }
}
