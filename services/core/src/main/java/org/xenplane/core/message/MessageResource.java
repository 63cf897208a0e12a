package org.xenplane.core.message;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventClasses;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;

/** {@code /api/v1/messages}: what the system has told administrators. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages")
public class MessageResource {
    private final Messages messages;
    private final EventClasses classes;
    private final TaskRunner tasks;
    private final CurrentCaller caller;

    public MessageResource(Messages messages, EventClasses classes, TaskRunner tasks, CurrentCaller caller) {
        this.messages = messages;
        this.classes = classes;
        this.tasks = tasks;
        this.caller = caller;
    }

    @GET
    @Authorized("message.read")
    @Operation(summary = "List messages", description = "Newest first (at most 1000); `class` and `object` narrow them to one object.")
    @APIResponse(responseCode = "200", description = "The messages")
    public List<MessageView> list(@QueryParam("class") String objectClass, @QueryParam("object") String object) {
        if ((objectClass == null) != (object == null)) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "class/object", "give both or neither");
        }
        if (object == null) {
            return messages.list(null, null);
        }
        List<String> parsed = classes.parse(objectClass);
        if (parsed.size() != 1) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "class", "exactly one object class");
        }
        String known = parsed.get(0);
        UUID id = Ids.parse(known, object);
        return messages.list(known, id);
    }

    @DELETE
    @Path("/{id}")
    @Authorized("message.destroy")
    @Operation(summary = "Dismiss (destroy) a message", description = "XenAPI's `message.destroy`: the message is deleted"
            + " and a `message del` event carries its last state. An alarm that is still raised does not raise it again"
            + " until its condition has cleared.")
    @APIResponse(responseCode = "204", description = "Destroyed; the task id is in the Xenplane-Task header")
    public Response destroy(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID messageId = Ids.parse(Message.CLASS, id);
        TaskView task = tasks.run(new TaskRequest(MessageOperation.DESTROY, Message.CLASS, messageId, IdempotencyKeys.validate(key)),
                caller.get().subject(), ctx -> {
                    messages.destroy(messageId);
                    return TaskResult.NONE;
                });
        return Response.noContent().header(TaskResponses.TASK_HEADER, task.id().toString()).build();
    }
}
