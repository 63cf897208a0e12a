package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.ha.model.HaSettings;

/**
 * Enabling and disabling HA and its overcommit flag: each a task, each change an {@code ha mod}
 * event (the view, never the peer token). Enabling makes a new peer token.
 */
@ApplicationScoped
public class HaSettingsService {
    /** The object id of the pool's HA in tasks and events (there is one). */
    public static final UUID HA_ID = UUID.nameUUIDFromBytes("xenplane:ha".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    public static final String CLASS = "ha";
    static final int MIN_TIMEOUT = 6;
    static final int MAX_TIMEOUT = 3600;
    static final int DEFAULT_TIMEOUT = 30;
    private static final Logger LOG = Logger.getLogger(HaSettingsService.class);

    private final TaskRunner tasks;
    private final HaStore store;
    private final HaViews views;
    private final EventPublisher events;
    private final SecureRandom random = new SecureRandom();

    public HaSettingsService(TaskRunner tasks, HaStore store, HaViews views, EventPublisher events) {
        this.tasks = tasks;
        this.store = store;
        this.views = views;
        this.events = events;
    }

    /** @throws XenplaneException {@code HA_CONFIG_INVALID} out of range, {@code HA_IS_ENABLED} when on already */
    public TaskView enable(Integer timeoutSeconds, Integer hostFailuresToTolerate, String caller, String key) {
        int timeout = timeoutSeconds == null ? DEFAULT_TIMEOUT : timeoutSeconds;
        int failures = hostFailuresToTolerate == null ? 0 : hostFailuresToTolerate;
        if (timeout < MIN_TIMEOUT || timeout > MAX_TIMEOUT) {
            throw new XenplaneException(ErrorCode.HA_CONFIG_INVALID, "timeoutSeconds", timeout, MIN_TIMEOUT + ".." + MAX_TIMEOUT);
        }
        if (failures < 0) {
            throw new XenplaneException(ErrorCode.HA_CONFIG_INVALID, "hostFailuresToTolerate", failures, "0 or more");
        }
        return change(HaOperation.ENABLE, caller, key, settings -> {
            if (settings.enabled()) {
                throw new XenplaneException(ErrorCode.HA_IS_ENABLED);
            }
            store.enable(timeout, failures, newPeerToken());
            LOG.infof("HA enabled: timeout %d s, host failures to tolerate %d", timeout, failures);
        });
    }

    /** @throws XenplaneException {@code HA_NOT_ENABLED} when off already */
    public TaskView disable(String caller, String key) {
        return change(HaOperation.DISABLE, caller, key, settings -> {
            if (!settings.enabled()) {
                throw new XenplaneException(ErrorCode.HA_NOT_ENABLED);
            }
            store.disable();
            LOG.info("HA disabled");
        });
    }

    public TaskView allowOvercommit(boolean allow, String caller, String key) {
        return change(HaOperation.SET_ALLOW_OVERCOMMIT, caller, key, settings -> store.allowOvercommit(allow));
    }

    private TaskView change(HaOperation operation, String caller, String key, java.util.function.Consumer<HaSettings> work) {
        return tasks.run(new TaskRequest(operation, CLASS, HA_ID, key), caller, context -> {
            QuarkusTransaction.requiringNew().run(() -> {
                work.accept(store.settings(true));
                events.publish(CLASS, EventOperation.MOD, HA_ID, views::view);
                context.succeedInCurrentTransaction(TaskResult.of(CLASS, HA_ID));
            });
            return TaskResult.of(CLASS, HA_ID);
        });
    }

    private String newPeerToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "xpp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
