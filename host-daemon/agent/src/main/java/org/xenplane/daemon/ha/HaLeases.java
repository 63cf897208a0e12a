package org.xenplane.daemon.ha;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.xenplane.daemon.DaemonConfig;

/** Every local host's {@link HaLeaseKeeper}, kept in {@code <state-dir>/ha/<local key>.json}. */
@ApplicationScoped
public class HaLeases {
    private final Path directory;
    private final ConcurrentMap<String, HaLeaseKeeper> byKey = new ConcurrentHashMap<>();

    public HaLeases(DaemonConfig config) {
        this.directory = config.stateDir().resolve("ha");
    }

    /** The host's lease keeper (restored from its file the first time). */
    public HaLeaseKeeper of(String key) {
        return byKey.computeIfAbsent(key, k -> new HaLeaseKeeper(k, directory.resolve(k + ".json"),
                System::nanoTime, System::currentTimeMillis));
    }
}
