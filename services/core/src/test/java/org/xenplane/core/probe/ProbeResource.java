package org.xenplane.core.probe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;

/**
 * Test-only endpoints: a task that runs until the test releases it (checking for cancellation
 * while it waits), and a change that publishes one event.
 */
@Path("/api/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private final TaskRunner tasks;
    private final EventPublisher events;
    private final CurrentCaller caller;

    public ProbeResource(TaskRunner tasks, EventPublisher events, CurrentCaller caller) {
        this.tasks = tasks;
        this.events = events;
        this.caller = caller;
    }

    public static int runs(String name) {
        return RUNS.getOrDefault(name, new AtomicInteger()).get();
    }

    @POST
    @Path("/{name}/run")
    @Authorized("probe.run")
    public Response run(@PathParam("name") String name, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return start(ProbeOperation.RUN, name, key);
    }

    @POST
    @Path("/{name}/other")
    @Authorized("probe.other")
    public Response other(@PathParam("name") String name, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return start(ProbeOperation.OTHER, name, key);
    }

    @POST
    @Path("/{name}/release")
    @Authorized("probe.release")
    public void release(@PathParam("name") String name) {
        gate(name).countDown();
    }

    @POST
    @Path("/{id}/touch")
    @Authorized("probe.touch")
    public void touch(@PathParam("id") UUID id) {
        QuarkusTransaction.requiringNew().run(() ->
                events.publish("probe", EventOperation.MOD, id, () -> Map.of("touched", id.toString())));
    }

    private Response start(ProbeOperation operation, String name, String key) {
        UUID target = UUID.nameUUIDFromBytes(name.getBytes());
        var task = tasks.submit(new TaskRequest(operation, "probe", target, IdempotencyKeys.validate(key)),
                caller.get().subject(), ctx -> {
                    RUNS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    while (!gate(name).await(50, TimeUnit.MILLISECONDS)) {
                        ctx.checkCancelled();
                    }
                    ctx.progress(0.5);
                    return TaskResult.of("probe", target);
                });
        return TaskResponses.accepted(task);
    }

    private static CountDownLatch gate(String name) {
        return GATES.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
}
