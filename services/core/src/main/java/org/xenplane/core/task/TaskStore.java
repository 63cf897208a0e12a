package org.xenplane.core.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.xenplane.core.error.DatabaseFailures;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;

/** Every change to a task, each in its own transaction and each with its event. */
@ApplicationScoped
public class TaskStore {
    public static final String CLASS = "task";
    private static final Logger LOG = Logger.getLogger(TaskStore.class);
    private static final java.time.Duration FINISH_RETRY = java.time.Duration.ofSeconds(5);

    private final EntityManager em;
    private final EventPublisher events;
    private final TransactionSynchronizationRegistry transactions;
    private final TaskMetrics metrics;
    private final TaskLeases leases;

    public TaskStore(EntityManager em, EventPublisher events, TransactionSynchronizationRegistry transactions,
                     TaskMetrics metrics, TaskLeases leases) {
        this.em = em;
        this.events = events;
        this.transactions = transactions;
        this.metrics = metrics;
        this.leases = leases;
    }

    /** A new pending task, or the caller's earlier task with the same idempotency key. */
    public Begun begin(TaskRequest request, String caller) {
        return begin(request, caller, null);
    }

    /**
     * Like {@link #begin(TaskRequest, String)}; a new task's {@code admission} runs in the same
     * transaction, so the task and what the admission claims appear together or not at all.
     */
    public Begun begin(TaskRequest request, String caller, TaskAdmission admission) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            int inserted = em.createNativeQuery("""
                    insert into task (id, version, operation, target_class, target_id, status, progress, created_at,
                                      idempotency_key, created_by, cancel_requested, owner, lease_until)
                    values (?1, 0, ?2, ?3, ?4, 'PENDING', 0, now(), ?5, ?6, false, ?7, now() + make_interval(secs => ?8))
                    on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
                    """)
                    .setParameter(1, id).setParameter(2, request.operation().id())
                    .setParameter(3, request.targetClass()).setParameter(4, request.targetId())
                    .setParameter(5, request.idempotencyKey()).setParameter(6, caller)
                    .setParameter(7, leases.replica()).setParameter(8, leaseSeconds())
                    .executeUpdate();
            if (inserted == 1) {
                Task task = em.find(Task.class, id);
                publish(EventOperation.ADD, task);
                if (admission != null) {
                    admission.admit(id);
                }
                return new Begun(TaskView.of(task), true);
            }
            Task earlier = Task.find("createdBy = ?1 and idempotencyKey = ?2", caller, request.idempotencyKey()).singleResult();
            if (!earlier.operation.equals(request.operation().id()) || !Objects.equals(earlier.targetId, request.targetId())) {
                throw new XenplaneException(ErrorCode.IDEMPOTENCY_KEY_REUSED, request.idempotencyKey(),
                        earlier.operation, Objects.toString(earlier.targetId, ""));
            }
            return new Begun(TaskView.of(earlier), false);
        });
    }

    public Optional<TaskView> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() ->
                Optional.ofNullable(em.find(Task.class, id)).map(TaskView::of));
    }

    public boolean cancelRequested(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> em.find(Task.class, id).cancelRequested);
    }

    public void progress(UUID id, double progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!task.status.finished()) {
                task.progress = Math.max(0, Math.min(1, progress));
                publish(EventOperation.MOD, task);
            }
        });
    }

    /** Asks a running task to stop; it ends {@code cancelled} at its next check. */
    public TaskView requestCancel(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Task task = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (task.status.finished()) {
                throw new XenplaneException(ErrorCode.TASK_ALREADY_FINISHED, id, task.status.wireName());
            }
            task.cancelRequested = true;
            task.status = TaskStatus.CANCELLING;
            publish(EventOperation.MOD, task);
            return TaskView.of(task);
        });
    }

    public TaskView succeed(UUID id, TaskResult result) {
        return finish(id, task -> {
            task.status = TaskStatus.SUCCESS;
            task.progress = 1;
            task.resultClass = result.resultClass();
            task.resultId = result.resultId();
        });
    }

    public TaskView fail(UUID id, ErrorCode code, Map<String, String> parameters) {
        return finish(id, task -> {
            task.status = TaskStatus.FAILURE;
            task.errorCode = code.name();
            task.errorParams = storable(parameters);
        });
    }

    /**
     * Finishes the task successfully in the caller's transaction (with the work's last change);
     * {@code committed} hears of it once that transaction has committed, and only then.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public void succeedInCurrentTransaction(UUID id, TaskResult result, Consumer<TaskView> committed) {
        Task task = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!ownedHere(task)) {
            // another replica took the task over (this one lost its lease): its outcome stands, not this one
            throw new XenplaneException(ErrorCode.TASK_OWNER_LOST, id);
        }
        task.status = TaskStatus.SUCCESS;
        task.progress = 1;
        task.resultClass = result.resultClass();
        task.resultId = result.resultId();
        task.finishedAt = Instant.now();
        task.leaseUntil = null;
        publish(EventOperation.MOD, task);
        TaskView view = TaskView.of(task);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.finished(view);
                    committed.accept(view);
                }
            }
        });
    }

    /** A task refused at admission: recorded as failed at once (the admission's transaction rolled back). */
    public TaskView refused(TaskRequest request, String caller, ErrorCode code, Map<String, String> parameters) {
        TaskView refused = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("""
                    insert into task (id, version, operation, target_class, target_id, status, progress, created_at,
                                      finished_at, idempotency_key, created_by, cancel_requested, error_code, error_params)
                    values (?1, 0, ?2, ?3, ?4, 'FAILURE', 0, now(), now(), ?5, ?6, false, ?7, cast(?8 as jsonb))
                    on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
                    """)
                    .setParameter(1, id).setParameter(2, request.operation().id())
                    .setParameter(3, request.targetClass()).setParameter(4, request.targetId())
                    .setParameter(5, request.idempotencyKey()).setParameter(6, caller)
                    .setParameter(7, code.name()).setParameter(8, json(storable(parameters)))
                    .executeUpdate();
            Task task = em.find(Task.class, id);
            if (task != null) {
                publish(EventOperation.ADD, task);
                return TaskView.of(task);
            }
            return null;
        });
        metrics.finished(refused);
        return refused;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PARAMETERS_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Map<String, String> parameters) {
        try {
            return PARAMETERS_JSON.writeValueAsString(parameters);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public TaskView cancelled(UUID id) {
        return finish(id, task -> task.status = TaskStatus.CANCELLED);
    }

    /** Deletes finished tasks older than the given age. */
    public int prune(long maxAgeSeconds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from task where finished_at < now() - make_interval(secs => ?1)")
                .setParameter(1, maxAgeSeconds).executeUpdate());
    }

    /**
     * Records the outcome, once: a task already finished, or taken over by another replica, keeps
     * what it has. While the database is unavailable, tries again until it is back (a worker's
     * outcome is never dropped), every {@link #FINISH_RETRY} at most.
     */
    private TaskView finish(UUID id, java.util.function.Consumer<Task> outcome) {
        for (long wait = 250; ; wait = Math.min(wait * 2, FINISH_RETRY.toMillis())) {
            try {
                return finishOnce(id, outcome);
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                LOG.warnf("Task %s: cannot record its outcome, the database is unavailable; trying again in %d ms", id, wait);
                sleep(wait);
            }
        }
    }

    private TaskView finishOnce(UUID id, java.util.function.Consumer<Task> outcome) {
        TaskView[] recorded = new TaskView[1];
        TaskView current = QuarkusTransaction.requiringNew().call(() -> {
            Task task = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!ownedHere(task)) {
                LOG.warnf("Task %s is %s and owned by replica %s, not this one (%s): this outcome is not recorded",
                        id, task.status.wireName(), task.owner, leases.replica());
                return TaskView.of(task);
            }
            outcome.accept(task);
            task.finishedAt = Instant.now();
            task.leaseUntil = null;
            publish(EventOperation.MOD, task);
            recorded[0] = TaskView.of(task);
            return recorded[0];
        });
        if (recorded[0] != null) {
            metrics.finished(recorded[0]);
        }
        return current;
    }

    /** Unfinished and owned by this replica (a task from before owners existed counts as anyone's). */
    private boolean ownedHere(Task task) {
        return !task.status.finished() && (task.owner == null || task.owner.equals(leases.replica()));
    }

    /**
     * Takes over up to {@code limit} unfinished tasks whose lease has lapsed, none of them held by a
     * worker here: they become this replica's, with a fresh lease, and are returned for recovery.
     * Rows another replica is taking over at the same moment are skipped.
     */
    public List<TaskView> takeOverOrphans(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("""
                            update task set owner = ?1, lease_until = now() + make_interval(secs => ?2)
                            where id in (select id from task
                                         where status in ('PENDING', 'CANCELLING')
                                           and coalesce(lease_until, '-infinity') < now() and not (id = any(?3))
                                         order by created_at limit ?4 for update skip locked)
                            returning id""")
                    .setParameter(1, leases.replica()).setParameter(2, leaseSeconds())
                    .setParameter(3, leases.held()).setParameter(4, limit).getResultList();
            List<TaskView> taken = new java.util.ArrayList<>();
            for (Object id : ids) {
                taken.add(TaskView.of(em.find(Task.class, (UUID) id)));
            }
            return taken;
        });
    }

    private double leaseSeconds() {
        return leases.lease().toMillis() / 1000.0;
    }

    /** PostgreSQL's jsonb cannot hold a NUL character; a parameter that quotes one (bad input) shows it escaped. */
    private static Map<String, String> storable(Map<String, String> parameters) {
        Map<String, String> safe = new java.util.LinkedHashMap<>();
        parameters.forEach((k, v) -> safe.put(k.replace("\u0000", "\\u0000"), v == null ? null : v.replace("\u0000", "\\u0000")));
        return safe;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    private void publish(EventOperation op, Task task) {
        events.publish(CLASS, op, task.id, () -> TaskView.of(task));
    }

    /** The task and whether this call created it (false: an earlier call with the same key did). */
    public record Begun(TaskView task, boolean created) {
    }
}
