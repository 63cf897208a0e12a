package org.xenplane.core.task;

import java.util.UUID;

/** What a successful task produced: a reference to an object, or nothing. */
public record TaskResult(String resultClass, UUID resultId) {
    public static final TaskResult NONE = new TaskResult(null, null);

    public static TaskResult of(String resultClass, UUID resultId) {
        return new TaskResult(resultClass, resultId);
    }
}
