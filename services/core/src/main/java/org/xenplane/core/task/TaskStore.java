package org.xenplane.core.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
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

    private final EntityManager em;
    private final EventPublisher events;
    private final TransactionSynchronizationRegistry transactions;
    private final TaskMetrics metrics;

    public TaskStore(EntityManager em, EventPublisher events, TransactionSynchronizationRegistry transactions,
                     TaskMetrics metrics) {
        this.em = em;
        this.events = events;
        this.transactions = transactions;
        this.metrics = metrics;
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
                                      idempotency_key, created_by, cancel_requested)
                    values (?1, 0, ?2, ?3, ?4, 'PENDING', 0, now(), ?5, ?6, false)
                    on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
                    """)
                    .setParameter(1, id).setParameter(2, request.operation().id())
                    .setParameter(3, request.targetClass()).setParameter(4, request.targetId())
                    .setParameter(5, request.idempotencyKey()).setParameter(6, caller)
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
            task.errorParams = parameters;
        });
    }

    /**
     * Finishes the task successfully in the caller's transaction (with the work's last change);
     * {@code committed} hears of it once that transaction has committed, and only then.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public void succeedInCurrentTransaction(UUID id, TaskResult result, Consumer<TaskView> committed) {
        Task task = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
        task.status = TaskStatus.SUCCESS;
        task.progress = 1;
        task.resultClass = result.resultClass();
        task.resultId = result.resultId();
        task.finishedAt = Instant.now();
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
                    .setParameter(7, code.name()).setParameter(8, json(parameters))
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

    private TaskView finish(UUID id, java.util.function.Consumer<Task> outcome) {
        TaskView finished = QuarkusTransaction.requiringNew().call(() -> {
            Task task = em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE);
            outcome.accept(task);
            task.finishedAt = Instant.now();
            publish(EventOperation.MOD, task);
            return TaskView.of(task);
        });
        metrics.finished(finished);
        return finished;
    }

    private void publish(EventOperation op, Task task) {
        events.publish(CLASS, op, task.id, () -> TaskView.of(task));
    }

    /** The task and whether this call created it (false: an earlier call with the same key did). */
    public record Begun(TaskView task, boolean created) {
    }
}
