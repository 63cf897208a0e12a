package org.xenplane.identity.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskView;
import org.xenplane.identity.api.PasswordReset;
import org.xenplane.identity.api.UserCreate;
import org.xenplane.identity.api.UserUpdate;
import org.xenplane.identity.api.UserView;
import org.xenplane.identity.model.User;
import org.xenplane.identity.service.LoginThrottle;
import org.xenplane.identity.service.UserChanges;
import org.xenplane.identity.service.UserService;

/** {@code /api/v1/users}: local users and their roles. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {
    private final UserService users;
    private final LoginThrottle throttle;
    private final UserChanges changes;
    private final CurrentCaller caller;

    public UserResource(UserService users, LoginThrottle throttle, UserChanges changes, CurrentCaller caller) {
        this.users = users;
        this.throttle = throttle;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("user.read")
    @Operation(summary = "List users")
    @APIResponse(responseCode = "200", description = "Every user (never a password or its hash)")
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("/{id}")
    @Authorized("user.read")
    @Operation(summary = "Get a user")
    @APIResponse(responseCode = "200", description = "The user")
    public UserView get(@PathParam("id") String id) {
        return users.get(Ids.parse(User.CLASS, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("user.create")
    @Operation(summary = "Create a user")
    @APIResponse(responseCode = "201", description = "The user; the task id is in the Xenplane-Task header")
    public Response create(@NotNull @Valid UserCreate request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<UserView> created = changes.create(request, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.status(Response.Status.CREATED).entity(created.value())
                .header(TaskResponses.TASK_HEADER, created.task().id().toString()).build();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @Authorized("user.update")
    @Operation(summary = "Change a user's full name, role or enabled flag",
            description = "Disabling ends the user's sessions and tokens; a lower role lowers them.")
    @APIResponse(responseCode = "200", description = "The user")
    public Response update(@PathParam("id") String id, @NotNull @Valid UserUpdate update,
                           @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID userId = Ids.parse(User.CLASS, id);
        TaskOutcome<UserView> updated = changes.update(userId, update, caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(updated.task(), updated.value());
    }

    @DELETE
    @Path("/{id}")
    @Authorized("user.destroy")
    @Operation(summary = "Delete a user", description = "Ends the user's sessions and tokens.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID userId = Ids.parse(User.CLASS, id);
        TaskView task = changes.destroy(userId, caller.get().subject(), IdempotencyKeys.validate(key));
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/password")
    @Authorized("user.reset_password")
    @Operation(summary = "Set a user's password", description = "Ends every session of the user.")
    @APIResponse(responseCode = "204", description = "Set")
    public Response resetPassword(@PathParam("id") String id, @NotNull @Valid PasswordReset reset) {
        UUID userId = Ids.parse(User.CLASS, id);
        TaskView task = changes.resetPassword(userId, reset.newPassword(), caller.get().subject());
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }

    @POST
    @Path("/{id}/unlock")
    @Authorized("user.unlock")
    @Operation(summary = "Lift a user's login lock-out")
    @APIResponse(responseCode = "204", description = "Unlocked")
    public Response unlock(@PathParam("id") String id) {
        throttle.unlock(users.nameOf(Ids.parse(User.CLASS, id)));
        return Response.noContent().build();
    }
}
