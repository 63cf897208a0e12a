package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.pool.model.Pool;
import org.xenplane.pool.api.PoolUpdate;
import org.xenplane.pool.api.PoolView;

/** The pool record and its settings. */
@ApplicationScoped
public class PoolService {
    private final EventPublisher events;

    public PoolService(EventPublisher events) {
        this.events = events;
    }

    @Transactional
    public PoolView get() {
        return PoolView.of(Pool.the());
    }

    @Transactional
    public PoolView update(PoolUpdate update) {
        Pool pool = Pool.findById(Pool.the().id, LockModeType.PESSIMISTIC_WRITE);
        if (update.name() != null) {
            pool.name = update.name();
        }
        if (update.description() != null) {
            pool.description = update.description();
        }
        if (update.otherConfig() != null) {
            pool.otherConfig = new HashMap<>(update.otherConfig());
        }
        events.publish(Pool.CLASS, EventOperation.MOD, pool.id, () -> PoolView.of(pool));
        return PoolView.of(pool);
    }
}
