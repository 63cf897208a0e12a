package org.xenplane.daemon.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Makes the daemon's storage operations idempotent under the control plane's operation id: the
 * first call runs the work, a concurrent repeat waits for it, and a later repeat gets the
 * recorded answer. Failures are not recorded (every operation undoes its partial work), so a
 * retry after a failure runs again. The log keeps the latest {@code capacity} operations, in
 * memory; after a restart, the operations' own idempotence (create answers an existing volume,
 * delete ignores a missing one) covers retries.
 */
public class OperationLog {
    private final int capacity;
    private final Map<String, CompletableFuture<Object>> operations;

    public OperationLog(int capacity) {
        this.capacity = capacity;
        this.operations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Object>> eldest) {
                return size() > OperationLog.this.capacity && eldest.getValue().isDone();
            }
        };
    }

    @SuppressWarnings("unchecked")
    public <T> T once(String scope, String operationId, Supplier<T> work) {
        if (operationId == null) {
            return work.get();
        }
        String key = scope + "/" + operationId;
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing;
        synchronized (operations) {
            existing = operations.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return (T) existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            synchronized (operations) {
                operations.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
