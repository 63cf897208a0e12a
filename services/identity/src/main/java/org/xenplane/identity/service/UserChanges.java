package org.xenplane.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.identity.api.UserCreate;
import org.xenplane.identity.api.UserUpdate;
import org.xenplane.identity.api.UserView;
import org.xenplane.identity.model.User;

/** The changes an administrator makes to users, each recorded as a task ({@link UserService} does the work). */
@ApplicationScoped
public class UserChanges {
    private final UserService users;
    private final TaskRunner tasks;

    public UserChanges(UserService users, TaskRunner tasks) {
        this.users = users;
        this.tasks = tasks;
    }

    /** Creates a user; on a replayed key, the user the original call made. */
    public TaskOutcome<UserView> create(UserCreate request, String caller, String idempotencyKey) {
        AtomicReference<UserView> created = new AtomicReference<>();
        TaskView task = tasks.run(request(UserOperation.CREATE, null, idempotencyKey), caller, ctx -> {
            created.set(users.create(request));
            return TaskResult.of(User.CLASS, created.get().id());
        });
        return new TaskOutcome<>(task, created.get() != null ? created.get() : users.get(task.result().id()));
    }

    public TaskOutcome<UserView> update(UUID userId, UserUpdate update, String caller, String idempotencyKey) {
        TaskView task = tasks.run(request(UserOperation.UPDATE, userId, idempotencyKey), caller, ctx -> {
            users.update(userId, update);
            return TaskResult.of(User.CLASS, userId);
        });
        return new TaskOutcome<>(task, users.get(userId));
    }

    public TaskView destroy(UUID userId, String caller, String idempotencyKey) {
        return tasks.run(request(UserOperation.DESTROY, userId, idempotencyKey), caller, ctx -> {
            users.destroy(userId);
            return TaskResult.NONE;
        });
    }

    /** Sets a user's password (never replayed: no idempotency key). */
    public TaskView resetPassword(UUID userId, String newPassword, String caller) {
        return tasks.run(request(UserOperation.RESET_PASSWORD, userId, null), caller, ctx -> {
            users.resetPassword(userId, newPassword);
            return TaskResult.of(User.CLASS, userId);
        });
    }

    private static TaskRequest request(DeclaredOperation operation, UUID userId, String idempotencyKey) {
        return new TaskRequest(operation, User.CLASS, userId, idempotencyKey);
    }
}
