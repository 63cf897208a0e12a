package org.xenplane.pool.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.xenplane.core.storage.PoolStorage;
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
    private final PoolStorage storage;

    public PoolService(EventPublisher events, PoolStorage storage) {
        this.events = events;
        this.storage = storage;
    }

    @Transactional
    public PoolView get() {
        return view(Pool.the());
    }

    private PoolView view(Pool pool) {
        return PoolView.of(pool, storage.defaultSr().orElse(null));
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
        if (update.defaultSr() != null) {
            storage.setDefaultSr(update.defaultSr());
        }
        events.publish(Pool.CLASS, EventOperation.MOD, pool.id, () -> view(pool));
        return view(pool);
    }
}
