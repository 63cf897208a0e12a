package org.xenplane.core.task;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.AuthorizationFilter;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.Caller;
import org.xenplane.core.security.CurrentCaller;

/** {@code /api/v1/tasks}: follow and cancel operations. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks")
public class TaskResource {
    private static final int MAX_WAIT_SECONDS = 300;

    private final TaskStore store;
    private final TaskRunner runner;
    private final CurrentCaller caller;

    public TaskResource(TaskStore store, TaskRunner runner, CurrentCaller caller) {
        this.store = store;
        this.runner = runner;
        this.caller = caller;
    }

    @GET
    @Authorized("task.read")
    @Operation(summary = "List tasks", description = "Newest first; filter by status. Finished tasks are kept for a day.")
    @APIResponse(responseCode = "200", description = "The tasks")
    public List<TaskView> list(@QueryParam("status") String status,
                               @QueryParam("limit") @DefaultValue("100") int limit,
                               @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "limit", "limit 1..1000, offset >= 0");
        }
        var query = status == null
                ? Task.find("order by createdAt desc")
                : Task.find("status = ?1 order by createdAt desc", parseStatus(status));
        return query.page(offset / limit, limit).<Task>list().stream().map(TaskView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Authorized("task.read")
    @Operation(summary = "Get a task", description = "With `wait=N`, waits up to N seconds for the task to finish.")
    @APIResponse(responseCode = "200", description = "The task")
    public TaskView get(@PathParam("id") String id, @QueryParam("wait") @DefaultValue("0") int wait) {
        UUID taskId = Ids.parse(TaskStore.CLASS, id);
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "wait", "must be 0.." + MAX_WAIT_SECONDS);
        }
        return runner.awaitFinished(taskId, Duration.ofSeconds(wait)).orElseThrow(() -> unknown(taskId));
    }

    @POST
    @Path("/{id}/cancel")
    @Authorized("task.cancel")
    @Operation(summary = "Cancel a task", description = "Asks the task to stop; it ends `cancelled` at its next step."
            + " Cancelling another user's task needs pool-operator.")
    @APIResponse(responseCode = "202", description = "Cancellation requested")
    public Response cancel(@PathParam("id") String id) {
        UUID taskId = Ids.parse(TaskStore.CLASS, id);
        TaskView task = store.find(taskId).orElseThrow(() -> unknown(taskId));
        Caller who = caller.get();
        if (!who.subject().equals(task.createdBy()) && !AuthorizationFilter.permits(who, TaskOperation.CANCEL_ANY)) {
            throw new XenplaneException(ErrorCode.RBAC_PERMISSION_DENIED, TaskOperation.CANCEL_ANY.id(),
                    TaskOperation.CANCEL_ANY.minimumRole().wireName());
        }
        return Response.accepted(store.requestCancel(taskId)).build();
    }

    private static TaskStatus parseStatus(String status) {
        try {
            return TaskStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "status", e.getMessage());
        }
    }

    private static XenplaneException unknown(UUID id) {
        return new XenplaneException(ErrorCode.HANDLE_INVALID, TaskStore.CLASS, id);
    }
}
