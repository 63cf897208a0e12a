package org.xenplane.daemon.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.state.JsonFile;

/**
 * The spec of each domain the host runs, and when the domain was built: what the daemon needs to
 * rebuild a guest that reboots. Kept in memory and, given a directory, one file per domain
 * ({@code <dir>/<vm uuid>.json}) so that a restarted daemon finds them again.
 */
final class KeptSpecs {
    private static final Logger LOG = Logger.getLogger(KeptSpecs.class);

    /** What is kept of one domain. */
    record Kept(DomainSpec spec, Instant startedAt) {
    }

    private final Path dir;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    private KeptSpecs(Path dir) {
        this.dir = dir;
    }

    /** Specs that end with the daemon. */
    static KeptSpecs inMemory() {
        return new KeptSpecs(null);
    }

    /** Specs kept in {@code dir}, with those already there. */
    static KeptSpecs in(Path dir) {
        KeptSpecs specs = new KeptSpecs(dir);
        specs.load();
        return specs;
    }

    void put(DomainSpec spec, Instant startedAt) {
        Kept k = new Kept(spec, startedAt);
        kept.put(spec.vmId(), k);
        write(spec.vmId(), k);
    }

    /** Changes the spec of a domain that has one (its devices changed); nothing otherwise. */
    void update(UUID vmId, UnaryOperator<DomainSpec> change) {
        Kept now = kept.computeIfPresent(vmId, (id, k) -> new Kept(change.apply(k.spec()), k.startedAt()));
        if (now != null) {
            write(vmId, now);
        }
    }

    void remove(UUID vmId) {
        kept.remove(vmId);
        if (dir != null) {
            try {
                file(vmId).delete();
            } catch (UncheckedIOException e) {
                LOG.warnf("Cannot forget the spec of %s: %s", vmId, e.getMessage());
            }
        }
    }

    Optional<DomainSpec> spec(UUID vmId) {
        return Optional.ofNullable(kept.get(vmId)).map(Kept::spec);
    }

    Instant startedAt(UUID vmId) {
        Kept k = kept.get(vmId);
        return k == null ? null : k.startedAt();
    }

    Set<UUID> vmIds() {
        return Set.copyOf(kept.keySet());
    }

    /** A spec that cannot be written is still kept in memory: only a reboot after a restart would miss it. */
    private void write(UUID vmId, Kept k) {
        if (dir != null) {
            try {
                file(vmId).write(k);
            } catch (UncheckedIOException e) {
                LOG.errorf("Cannot keep the spec of %s: a restarted daemon could not rebuild it on reboot: %s", vmId,
                        e.getMessage());
            }
        }
    }

    private JsonFile<Kept> file(UUID vmId) {
        return new JsonFile<>(dir.resolve(vmId + ".json"), Kept.class);
    }

    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> {
                try {
                    new JsonFile<>(f, Kept.class).read().ifPresent(k -> kept.put(k.spec().vmId(), k));
                } catch (UncheckedIOException e) {
                    LOG.errorf("The kept spec %s is unreadable, its domain cannot be rebuilt on reboot: %s", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
