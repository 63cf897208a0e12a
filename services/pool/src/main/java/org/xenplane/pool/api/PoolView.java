package org.xenplane.pool.api;

import java.util.Map;
import java.util.UUID;
import org.xenplane.pool.model.Pool;

/** The pool as clients see it. */
public record PoolView(UUID id, String name, String description, Map<String, String> otherConfig, long version) {

    public static PoolView of(Pool p) {
        return new PoolView(p.id, p.name, p.description, Map.copyOf(p.otherConfig), p.version);
    }
}
