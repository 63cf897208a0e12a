package org.xenplane.core.task;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The two shapes of a mutating call's answer. */
public final class TaskResponses {
    /** Names the task that recorded a synchronous operation. */
    public static final String TASK_HEADER = "Xenplane-Task";

    private TaskResponses() {
    }

    /** A quick operation that finished in the request: 200 with the object, and the task's id in a header. */
    public static Response finished(TaskView task, Object body) {
        return Response.ok(body).header(TASK_HEADER, task.id().toString()).build();
    }

    /** A long operation: 202 Accepted with the task; follow it at its Location (with {@code ?wait=N}). */
    public static Response accepted(TaskView task) {
        return Response.accepted(task)
                .location(URI.create("/api/v1/tasks/" + task.id()))
                .header(TASK_HEADER, task.id().toString())
                .build();
    }
}
