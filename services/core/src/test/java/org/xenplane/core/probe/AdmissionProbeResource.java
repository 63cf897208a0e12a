package org.xenplane.core.probe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskAdmission;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;

/**
 * Test-only: a long operation with an admission that refuses, or asks to be retried a number of
 * times, and work that finishes its task inside its own transaction.
 */
@Path("/api/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionProbeResource {
    private final TaskRunner tasks;
    private final EventPublisher events;
    private final CurrentCaller caller;

    public AdmissionProbeResource(TaskRunner tasks, EventPublisher events, CurrentCaller caller) {
        this.tasks = tasks;
        this.events = events;
        this.caller = caller;
    }

    @POST
    @Path("/{name}/admit")
    @Authorized("probe.admit")
    public Response admit(@PathParam("name") String name, @QueryParam("refuse") boolean refuse,
                          @QueryParam("retries") @DefaultValue("0") int retries,
                          @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID target = UUID.nameUUIDFromBytes(name.getBytes());
        AtomicInteger left = new AtomicInteger(retries);
        TaskAdmission admission = taskId -> {
            ProbeResource.RUNS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            if (refuse) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, "probe.admit", "refused");
            }
            if (left.getAndDecrement() > 0) {
                throw new TaskAdmission.Retry("try again");
            }
            events.publish("probe", EventOperation.MOD, target, () -> java.util.Map.of("admitted", name));
        };
        var task = tasks.submit(new TaskRequest(ProbeOperation.ADMIT, "probe", target, IdempotencyKeys.validate(key)),
                caller.get().subject(), admission, context -> {
                    QuarkusTransaction.requiringNew().run(() -> context.succeedInCurrentTransaction(TaskResult.NONE));
                    return TaskResult.NONE;
                });
        return TaskResponses.accepted(task);
    }
}
