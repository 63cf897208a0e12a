package org.xenplane.monitoring.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.xenplane.monitoring.model.ArchiveLayout;
import org.xenplane.monitoring.model.Consolidation;
import org.xenplane.monitoring.model.ObjectArchive;

/**
 * The archives of every host and VM: consolidated in memory as samples arrive, written behind to
 * {@code metrics_archive} (one row per object, its compact image) every flush interval and at
 * shutdown, read back on first use after a restart. A crash loses at most one flush interval.
 */
@ApplicationScoped
public class ArchiveStore {
    private static final Logger LOG = Logger.getLogger(ArchiveStore.class);

    /** One object's archives in memory. Guarded by itself. */
    public static final class Held {
        public final UUID id;
        public final String objectClass;
        public final ObjectArchive archive;
        volatile UUID hostId;
        volatile boolean dirty;

        Held(UUID id, String objectClass, ObjectArchive archive, UUID hostId) {
            this.id = id;
            this.objectClass = objectClass;
            this.archive = archive;
            this.hostId = hostId;
        }

        public UUID hostId() {
            return hostId;
        }
    }

    private final AgroalDataSource db;
    private final ArchiveLayout layout;
    private final Map<UUID, Held> held = new ConcurrentHashMap<>();

    public ArchiveStore(AgroalDataSource db, MonitoringConfig config) {
        this.db = db;
        Set<Consolidation> functions = EnumSet.of(Consolidation.AVERAGE);
        functions.addAll(config.extraConsolidation());
        this.layout = ArchiveLayout.xcp(functions);
    }

    public ArchiveLayout layout() {
        return layout;
    }

    /** Adds a sample to an object's archives (created on first sample); returns them. */
    public Held add(UUID id, String objectClass, UUID hostId, long time, Map<String, Double> values) {
        Held h = held.computeIfAbsent(id, k -> load(k).orElseGet(() -> new Held(k, objectClass, new ObjectArchive(layout), hostId)));
        synchronized (h) {
            h.hostId = hostId;
            if (h.archive.add(time, values)) {
                h.dirty = true;
            }
        }
        return h;
    }

    /** The object's archives, from memory or the database. */
    public Optional<Held> find(UUID id) {
        Held h = held.get(id);
        if (h != null) {
            return Optional.of(h);
        }
        Optional<Held> loaded = load(id);
        loaded.ifPresent(l -> held.putIfAbsent(id, l));
        return loaded.map(l -> held.get(id));
    }

    /** The VMs whose newest sample came from {@code hostId}. */
    public List<Held> vmsOf(UUID hostId) {
        Set<UUID> ids = new LinkedHashSet<>();
        held.values().stream().filter(h -> "vm".equals(h.objectClass) && hostId.equals(h.hostId)).forEach(h -> ids.add(h.id));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select object_id from metrics_archive where host_id = ? and object_class = 'vm'")) {
            s.setObject(1, hostId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the archives of host " + hostId, e);
        }
        List<Held> vms = new ArrayList<>();
        for (UUID id : ids) {
            find(id).filter(h -> hostId.equals(h.hostId)).ifPresent(vms::add);
        }
        return vms;
    }

    /** Forgets objects' archives, in memory and in the database. */
    public void forget(Set<UUID> ids) {
        ids.forEach(held::remove);
    }

    @Scheduled(every = "${xenplane.monitoring.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        List<Held> dirty = held.values().stream().filter(h -> h.dirty).toList();
        if (dirty.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into metrics_archive (object_id, object_class, host_id, image, updated_at) values (?, ?, ?, ?, now())
                     on conflict (object_id) do update set host_id = excluded.host_id, image = excluded.image, updated_at = now()
                     """)) {
            for (Held h : dirty) {
                byte[] image;
                synchronized (h) {
                    image = h.archive.encode();
                    h.dirty = false;
                }
                s.setObject(1, h.id);
                s.setString(2, h.objectClass);
                s.setObject(3, h.hostId);
                s.setBytes(4, image);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            dirty.forEach(h -> h.dirty = true);
            LOG.warnf("Writing %d metrics archive(s) failed; will retry: %s", dirty.size(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }

    private Optional<Held> load(UUID id) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select object_class, host_id, image from metrics_archive where object_id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                ObjectArchive archive;
                try {
                    archive = ObjectArchive.decode(layout, r.getBytes(3));
                } catch (RuntimeException e) {
                    LOG.warnf("Archives of %s are unreadable with the current layout (%s); starting afresh", id, e.getMessage());
                    archive = new ObjectArchive(layout);
                }
                return Optional.of(new Held(id, r.getString(1), archive, r.getObject(2, UUID.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the archives of " + id, e);
        }
    }
}
