package org.xenplane.identity.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.identity.api.LoginRequest;
import org.xenplane.identity.api.PasswordChange;
import org.xenplane.identity.api.SessionView;
import org.xenplane.identity.service.SessionService;
import org.xenplane.identity.service.UserService;

/** {@code /api/v1/session}: log in and out, see and change what the current session is. */
@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session")
public class SessionResource {
    private final SessionService sessions;
    private final UserService users;
    private final CurrentCaller caller;

    public SessionResource(SessionService sessions, UserService users, CurrentCaller caller) {
        this.sessions = sessions;
        this.users = users;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("session.login")
    @Operation(summary = "Log in", description = "Returns a session token (shown once). Repeated failures are slowed"
            + " and then locked out for a while (429 with Retry-After).")
    @APIResponse(responseCode = "201", description = "The session, with its token")
    public Response login(@NotNull @Valid LoginRequest request) {
        caller.auditAs(request.username());
        SessionView session = sessions.login(request.username(), request.password(), caller.sourceAddress());
        return Response.status(Response.Status.CREATED).entity(session).build();
    }

    @GET
    @Authorized("session.read")
    @Operation(summary = "The current session or token", description = "Who is calling, with which role, until when.")
    @APIResponse(responseCode = "200", description = "The session")
    public SessionView current() {
        return sessions.describe(caller.get());
    }

    @DELETE
    @Authorized("session.logout")
    @Operation(summary = "Log out", description = "Ends the session used for this call, on every replica within"
            + " seconds. An API token is not a session: 409 OPERATION_NOT_ALLOWED, and it stays valid (revoke it at /tokens).")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        sessions.logout(caller.get(), authorization.substring("Bearer ".length()).trim());
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/password")
    @Authorized("session.change_password")
    @Operation(summary = "Change my password", description = "Proves the old password; ends the user's other sessions.")
    @APIResponse(responseCode = "204", description = "Changed")
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        users.changeOwnPassword(caller.get().subject(), caller.get().credential(), change.oldPassword(), change.newPassword());
        return Response.noContent().build();
    }
}
