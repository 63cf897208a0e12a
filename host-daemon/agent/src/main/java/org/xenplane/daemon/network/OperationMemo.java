package org.xenplane.daemon.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Makes network operations idempotent under the control plane's operation id: the first call
 * runs, a concurrent repeat waits for it and shares its outcome, a later repeat gets the recorded
 * success. Failures are forgotten (the driver undid its partial work), so a retry runs again. The
 * latest {@code capacity} ids are kept in memory; after a restart the operations' own idempotence
 * (desired state) covers retries.
 */
public final class OperationMemo {
    private final int capacity;
    private final Map<String, CompletableFuture<Void>> operations;

    public OperationMemo(int capacity) {
        this.capacity = capacity;
        this.operations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
                return size() > OperationMemo.this.capacity && eldest.getValue().isDone();
            }
        };
    }

    public void once(String host, String operationId, Runnable work) {
        if (operationId == null || operationId.isBlank()) {
            work.run();
            return;
        }
        String key = host + "/" + operationId;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier;
        synchronized (operations) {
            earlier = operations.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            try {
                earlier.join();
                return;
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            work.run();
            mine.complete(null);
        } catch (RuntimeException e) {
            synchronized (operations) {
                operations.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
