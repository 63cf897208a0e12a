package org.xenplane.monitoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;

/** Setting a host's or a VM's alarm thresholds, recorded as a task. */
@ApplicationScoped
public class AlarmConfigChanges {
    private final AlarmConfigs configs;
    private final TaskRunner tasks;

    public AlarmConfigChanges(AlarmConfigs configs, TaskRunner tasks) {
        this.configs = configs;
        this.tasks = tasks;
    }

    /** Sets the object's thresholds ({@link AlarmConfigs.Overrides#NONE}: back to the pool defaults). */
    public TaskOutcome<AlarmConfigs.Effective> set(String objectClass, UUID objectId, AlarmConfigs.Overrides wanted,
                                                   String caller, String idempotencyKey) {
        AtomicReference<AlarmConfigs.Effective> done = new AtomicReference<>();
        TaskView task = tasks.run(new TaskRequest(AlarmConfigOperation.setFor(objectClass), objectClass, objectId,
                idempotencyKey), caller, ctx -> {
                    done.set(configs.set(objectClass, objectId, wanted));
                    return TaskResult.of(objectClass, objectId);
                });
        AlarmConfigs.Effective body = done.get() != null ? done.get() : configs.get(objectClass, objectId);
        return new TaskOutcome<>(task, body);
    }
}
