package org.xenplane.core.message;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventClasses;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;

/** {@code /api/v1/messages}: what the system has told administrators. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages")
public class MessageResource {
    private final Messages messages;
    private final EventClasses classes;

    public MessageResource(Messages messages, EventClasses classes) {
        this.messages = messages;
        this.classes = classes;
    }

    @GET
    @Authorized("message.read")
    @Operation(summary = "List messages", description = "Newest first (at most 1000); `class` and `object` narrow them to one object.")
    @APIResponse(responseCode = "200", description = "The messages")
    @APIResponse(responseCode = "400", description = "UUID_INVALID, EVENT_CLASS_UNKNOWN or INVALID_PARAMETER")
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
}
