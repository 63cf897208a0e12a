package org.xenplane.core.task;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventNotifier;
import org.xenplane.core.config.CoreConfig;

/**
 * Runs operations as tasks: the task is persisted before the work starts, and finishes exactly
 * once with a result, a typed error, or as cancelled. A repeated {@code Idempotency-Key} from
 * the same caller returns the original task and never runs the work again.
 */
@ApplicationScoped
public class TaskRunner {
    private static final Logger LOG = Logger.getLogger(TaskRunner.class);
    private static final Duration SYNC_REPLAY_WAIT = Duration.ofSeconds(60);
    private static final int MAX_ADMISSIONS = 1000;

    private final TaskStore store;
    private final EventNotifier notifier;
    private final TaskLeases leases;
    private final Instance<TaskRecovery> recoveries;
    private final ExecutorService workers;

    public TaskRunner(TaskStore store, EventNotifier notifier, TaskLeases leases, Instance<TaskRecovery> recoveries,
                      CoreConfig.Tasks config) {
        this.store = store;
        this.notifier = notifier;
        this.leases = leases;
        this.recoveries = recoveries;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "xenplane-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdown();
    }

    /** Starts the work in the background and returns the pending task (202 Accepted). */
    public TaskView submit(TaskRequest request, String caller, TaskWork work) {
        TaskStore.Begun begun = store.begin(request, caller);
        if (begun.created()) {
            dispatch(begun.task().id(), work);
        }
        return begun.task();
    }

    /**
     * Like {@link #submit(TaskRequest, String, TaskWork)}, but first runs {@code admission} in the
     * calling thread, in the transaction that creates the task: the task and what the admission
     * claims commit together. When it refuses, that transaction rolls back, the task is recorded
     * as failed with the error, and the error is thrown to the caller, so a request that cannot
     * proceed (wrong state, another operation in progress, no memory) is told at once. An
     * admission that throws {@link TaskAdmission.Retry} runs again in a new transaction.
     * Replayed under the same key, an admitted task is returned and a refused one rethrows its error.
     */
    public TaskView submit(TaskRequest request, String caller, TaskAdmission admission, TaskWork work) {
        TaskStore.Begun begun;
        try {
            begun = beginAdmitted(request, caller, admission);
        } catch (XenplaneException e) {
            store.refused(request, caller, e.code(), e.parameters());
            throw e;
        }
        if (!begun.created()) {
            TaskView earlier = begun.task();
            if (earlier.status() == TaskStatus.FAILURE) {
                throw XenplaneException.fromRecord(ErrorCode.valueOf(earlier.error().code()), earlier.error().parameters());
            }
            return earlier;
        }
        dispatch(begun.task().id(), work);
        return begun.task();
    }

    private TaskStore.Begun beginAdmitted(TaskRequest request, String caller, TaskAdmission admission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.begin(request, caller, admission);
            } catch (TaskAdmission.Retry e) {
                if (attempt == MAX_ADMISSIONS) {
                    throw new IllegalStateException("admission retried " + MAX_ADMISSIONS + " times: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Runs the work in the calling thread and returns the finished task; a failure is rethrown
     * as its typed error. Replayed under the same key, returns (or rethrows) the original outcome.
     */
    public TaskView run(TaskRequest request, String caller, TaskWork work) {
        TaskStore.Begun begun = store.begin(request, caller);
        TaskView finished = begun.created()
                ? execute(begun.task().id(), work)
                : awaitFinished(begun.task().id(), SYNC_REPLAY_WAIT).orElseThrow();
        if (finished.status() == TaskStatus.FAILURE) {
            throw XenplaneException.fromRecord(ErrorCode.valueOf(finished.error().code()), finished.error().parameters());
        }
        return finished;
    }

    /**
     * Begins a task that the caller runs and finishes itself, for work that happens while a
     * response body streams (see {@link OpenTask}). No idempotency key: such work is a read.
     */
    public OpenTask open(TaskRequest request, String caller) {
        TaskView task = store.begin(request, caller).task();
        leases.hold(task.id());
        return new OpenTask(task, store, leases);
    }

    /**
     * Finishes, in the background, a task taken over from a replica that lost it: the service's
     * {@link TaskRecovery} decides its outcome; a task no recovery knows fails {@code TASK_OWNER_LOST}
     * (or ends cancelled, if cancelling).
     */
    void recover(TaskView orphan) {
        leases.hold(orphan.id());
        TaskRecovery recovery = recoveries.stream().filter(r -> r.recovers(orphan)).findFirst().orElse(null);
        workers.execute(() -> execute(orphan.id(), context -> {
            if (recovery != null) {
                return recovery.recover(orphan, context);
            }
            if (orphan.status() == TaskStatus.CANCELLING) {
                throw new TaskCancelledException();
            }
            throw new XenplaneException(ErrorCode.TASK_OWNER_LOST, orphan.id());
        }, false));
    }

    /** Waits up to {@code max} for the task to finish; returns its state then, finished or not. */
    public Optional<TaskView> awaitFinished(UUID id, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            long generation = notifier.generation();
            Optional<TaskView> task = store.find(id);
            long left = deadline - System.nanoTime();
            if (task.isEmpty() || task.get().status().finished() || left <= 0) {
                return task;
            }
            try {
                notifier.awaitAfter(generation, Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return store.find(id);
            }
        }
    }

    /** Holds the task's lease from now (a task waiting for a worker is not orphaned) and queues its work. */
    private void dispatch(UUID id, TaskWork work) {
        leases.hold(id);
        workers.execute(() -> execute(id, work, true));
    }

    private TaskView execute(UUID id, TaskWork work) {
        leases.hold(id);
        return execute(id, work, true);
    }

    /** Runs the work and records its outcome; the lease is held (by the caller) until it ends, finished or not. */
    private TaskView execute(UUID id, TaskWork work, boolean cancellableBeforeStart) {
        try {
            return outcome(id, work, cancellableBeforeStart);
        } catch (TaskRecovery.NotYet e) {
            LOG.infof("Task %s cannot be recovered yet (%s); it will be taken over again", id, e.getMessage());
            return store.find(id).orElseThrow();
        } finally {
            leases.release(id);
        }
    }

    private TaskView outcome(UUID id, TaskWork work, boolean cancellableBeforeStart) {
        TaskContext context = new TaskContext(id, store);
        try {
            if (cancellableBeforeStart) {
                context.checkCancelled();
            }
            TaskResult result = work.run(context);
            if (context.finished() != null) {
                return context.finished();
            }
            return store.succeed(id, result == null ? TaskResult.NONE : result);
        } catch (TaskRecovery.NotYet e) {
            throw e;
        } catch (Exception e) {
            if (context.finished() != null) {
                LOG.errorf(e, "Task %s failed after it had succeeded; it stays succeeded", id);
                return context.finished();
            }
            return failed(id, e);
        }
    }

    private TaskView failed(UUID id, Exception failure) {
        if (failure instanceof TaskCancelledException) {
            return store.cancelled(id);
        }
        if (failure instanceof XenplaneException e) {
            return store.fail(id, e.code(), e.parameters());
        }
        {
            Exception e = failure;
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Task %s failed unexpectedly, reference %s", id, reference);
            XenplaneException internal = new XenplaneException(ErrorCode.INTERNAL_ERROR, reference);
            return store.fail(id, internal.code(), internal.parameters());
        }
    }
}
