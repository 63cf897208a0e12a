package org.xenplane.core.task;

import java.util.UUID;
import org.xenplane.core.security.DeclaredOperation;

/**
 * What a task is about: the declared operation, its target and the client's optional
 * {@code Idempotency-Key}.
 */
public record TaskRequest(DeclaredOperation operation, String targetClass, UUID targetId, String idempotencyKey) {
}
