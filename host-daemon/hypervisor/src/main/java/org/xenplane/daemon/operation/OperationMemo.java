package org.xenplane.daemon.operation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The daemon's one idempotency memo, used by every API area (domains, storage, network): the
 * first call with an operation id runs; every repeat of that id (while the first still runs, or
 * after) gets the first call's outcome, result <em>or failure</em>, and never runs the work again.
 *
 * <p>Failures are replayed, as XAPI's idempotent calls do: an operation id names one attempt, so
 * the control plane learns the same outcome however often it asks (after a lost answer, or when a
 * task resumes on another replica), and an attempt that failed is tried again only under a new
 * operation id. The same id for a different operation (another verb or object) is refused with
 * {@link OperationIdReusedException}.
 *
 * <p>The latest {@code capacity} finished operations are kept, in memory; after a restart the
 * operations' own idempotence (desired state: creating what exists, deleting what is gone) covers
 * retries.
 */
public final class OperationMemo {
    private final int capacity;
    private final Map<String, Entry> byKey;

    private record Entry(String operation, CompletableFuture<Object> outcome) {
    }

    public OperationMemo(int capacity) {
        this.capacity = capacity;
        this.byKey = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > OperationMemo.this.capacity && eldest.getValue().outcome().isDone();
            }
        };
    }

    /**
     * Runs {@code body} once per {@code operationId} within {@code scope} (a local host, say);
     * {@code operation} names what it does (e.g. {@code create <vm>}). Without an operation id the
     * body simply runs.
     */
    @SuppressWarnings("unchecked")
    public <T> T run(String scope, String operationId, String operation, Supplier<T> body) {
        if (operationId == null || operationId.isBlank()) {
            return body.get();
        }
        String key = scope + "/" + operationId;
        Entry mine = new Entry(operation, new CompletableFuture<>());
        Entry earlier;
        synchronized (byKey) {
            earlier = byKey.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            if (!earlier.operation().equals(operation)) {
                throw new OperationIdReusedException(operationId, earlier.operation());
            }
            return (T) outcomeOf(earlier.outcome());
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

    /** {@link #run} for work without a result. */
    public void run(String scope, String operationId, String operation, Runnable body) {
        run(scope, operationId, operation, () -> {
            body.run();
            return null;
        });
    }

    private static Object outcomeOf(CompletableFuture<Object> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
