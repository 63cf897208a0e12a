package org.xenplane.daemon.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Makes operations idempotent by operation id: the first call with an id runs, every later call
 * with the same id (even while the first is still running) gets the first call's outcome, result
 * or failure, and never runs it again. The most recent {@code capacity} ids are remembered.
 */
final class OperationLog {
    private final int capacity;
    private final Map<String, Entry> byId;

    private record Entry(String operation, CompletableFuture<Object> outcome) {
    }

    OperationLog(int capacity) {
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > OperationLog.this.capacity;
            }
        };
    }

    /**
     * Runs {@code body} once per {@code operationId}; {@code operation} names what it does (e.g.
     * {@code create <vm>}), and the same id for something else is refused.
     */
    @SuppressWarnings("unchecked")
    <T> T run(String operationId, String operation, Supplier<T> body) {
        if (operationId == null) {
            return body.get();
        }
        Entry mine = new Entry(operation, new CompletableFuture<>());
        Entry existing;
        synchronized (this) {
            existing = byId.putIfAbsent(operationId, mine);
        }
        if (existing != null) {
            if (!existing.operation().equals(operation)) {
                throw new OperationIdReusedException(operationId, existing.operation());
            }
            return (T) outcomeOf(existing.outcome());
        }
        try {
            T result = body.get();
            mine.outcome().complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.outcome().completeExceptionally(e);
            throw e;
        }
    }

    private static Object outcomeOf(CompletableFuture<Object> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
