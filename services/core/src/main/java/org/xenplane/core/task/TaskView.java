package org.xenplane.core.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A task as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(UUID id, String operation, ObjectRef target, TaskStatus status, double progress,
                       Instant createdAt, Instant finishedAt, ObjectRef result, TaskError error, String createdBy,
                       List<String> allowedOperations) {

    /** A reference to an object: its class and id. */
    public record ObjectRef(String objectClass, UUID id) {
    }

    /** Why a task failed: a stable code and its parameters. */
    public record TaskError(String code, Map<String, String> parameters) {
    }

    public static TaskView of(Task t) {
        return new TaskView(t.id, t.operation, ref(t.targetClass, t.targetId), t.status, t.progress, t.createdAt,
                t.finishedAt, ref(t.resultClass, t.resultId),
                t.errorCode == null ? null : new TaskError(t.errorCode, t.errorParams == null ? Map.of() : t.errorParams),
                t.createdBy, t.status.finished() || t.cancelRequested ? List.of() : List.of("cancel"));
    }

    private static ObjectRef ref(String objectClass, UUID id) {
        return objectClass == null ? null : new ObjectRef(objectClass, id);
    }
}
