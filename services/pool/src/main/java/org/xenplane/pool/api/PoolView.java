package org.xenplane.pool.api;

import java.util.Map;
import java.util.UUID;
import org.xenplane.pool.model.Pool;

/**
 * The pool as clients see it. {@code defaultSr}: the SR of a disk that names none (XenAPI
 * {@code pool.default_SR}), null when unset.
 */
public record PoolView(UUID id, String name, String description, Map<String, String> otherConfig, UUID defaultSr,
                       long version) {

    public static PoolView of(Pool p, UUID defaultSr) {
        return new PoolView(p.id, p.name, p.description, Map.copyOf(p.otherConfig), defaultSr, p.version);
    }
}
