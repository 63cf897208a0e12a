package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * Xenplane's durable tasks seen from XenAPI: an operation's REST call answers its task
 * ({@code Xenplane-Task}); {@code Async.*} answers that task's ref, a synchronous call waits for
 * the task (long polls on {@code GET /api/v1/tasks/{id}?wait=}) and answers its result or failure.
 */
@ApplicationScoped
public class Tasks {
    private static final int POLL_SECONDS = 30;

    private final RestApi api;
    private final Duration syncWait;

    public Tasks(RestApi api, XenApiConfig config) {
        this.api = api;
        this.syncWait = config.syncWait();
    }

    /** The task a REST call answered. */
    public static UUID of(RestApi.Answer answer) {
        String task = answer.task();
        if (task == null && answer.body() != null && answer.body().hasNonNull("status")) {
            task = answer.body().path("id").asText();
        }
        if (task == null) {
            throw new XenApiFailure("INTERNAL_ERROR", "the operation answered no task");
        }
        return UUID.fromString(task);
    }

    public static String ref(UUID task) {
        return Refs.of("task", task);
    }

    /** Waits for the task; its failure is thrown as XAPI's error description. Answers XAPI's void. */
    public Object await(Session s, UUID task) {
        Instant deadline = Instant.now().plus(syncWait);
        while (true) {
            JsonNode view = api.getWaiting(s.token(), "/api/v1/tasks/" + task + "?wait=" + POLL_SECONDS,
                    Duration.ofSeconds(POLL_SECONDS));
            switch (view.path("status").asText()) {
                case "success":
                    return "";
                case "failure":
                    throw new XenApiFailure(XenFormats.taskError(view));
                case "cancelled":
                    throw new XenApiFailure("TASK_CANCELLED", ref(task));
                default:
                    if (Instant.now().isAfter(deadline)) {
                        throw new XenApiFailure("INTERNAL_ERROR", "the task " + ref(task) + " has not finished in " + syncWait);
                    }
            }
        }
    }
}
