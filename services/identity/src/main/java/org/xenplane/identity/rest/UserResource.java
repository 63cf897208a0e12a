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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.identity.model.User;
import org.xenplane.identity.service.LoginThrottle;
import org.xenplane.identity.service.UserOperation;
import org.xenplane.identity.service.UserService;

/** {@code /api/v1/users}: local users and their roles. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {
    private final UserService users;
    private final LoginThrottle throttle;
    private final TaskRunner tasks;
    private final CurrentCaller caller;

    public UserResource(UserService users, LoginThrottle throttle, TaskRunner tasks, CurrentCaller caller) {
        this.users = users;
        this.throttle = throttle;
        this.tasks = tasks;
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
        AtomicReference<UserView> created = new AtomicReference<>();
        TaskView task = tasks.run(request(UserOperation.CREATE, null, key), caller.get().subject(), ctx -> {
            created.set(users.create(request));
            return TaskResult.of(User.CLASS, created.get().id());
        });
        UserView body = created.get() != null ? created.get() : users.get(task.result().id());
        return Response.status(Response.Status.CREATED).entity(body)
                .header(TaskResponses.TASK_HEADER, task.id().toString()).build();
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
        TaskView task = tasks.run(request(UserOperation.UPDATE, userId, key), caller.get().subject(), ctx -> {
            users.update(userId, update);
            return TaskResult.of(User.CLASS, userId);
        });
        return TaskResponses.finished(task, users.get(userId));
    }

    @DELETE
    @Path("/{id}")
    @Authorized("user.destroy")
    @Operation(summary = "Delete a user", description = "Ends the user's sessions and tokens.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID userId = Ids.parse(User.CLASS, id);
        TaskView task = tasks.run(request(UserOperation.DESTROY, userId, key), caller.get().subject(), ctx -> {
            users.destroy(userId);
            return TaskResult.NONE;
        });
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
        TaskView task = tasks.run(request(UserOperation.RESET_PASSWORD, userId, null), caller.get().subject(), ctx -> {
            users.resetPassword(userId, reset.newPassword());
            return TaskResult.of(User.CLASS, userId);
        });
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

    private static TaskRequest request(DeclaredOperation operation, UUID userId, String key) {
        return new TaskRequest(operation, User.CLASS, userId, IdempotencyKeys.validate(key));
    }
}
