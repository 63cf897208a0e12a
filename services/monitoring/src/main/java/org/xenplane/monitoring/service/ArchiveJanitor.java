package org.xenplane.monitoring.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Archives are deleted with their object: level-triggered, every janitor interval, the archives of
 * VMs and hosts that no longer exist go. The vm and host tables belong to other services (read by
 * SQL, like the VM service reads hosts); a deployment without one leaves those archives alone.
 */
@ApplicationScoped
public class ArchiveJanitor {
    private static final Logger LOG = Logger.getLogger(ArchiveJanitor.class);

    private final AgroalDataSource db;
    private final ArchiveStore store;

    public ArchiveJanitor(AgroalDataSource db, ArchiveStore store) {
        this.db = db;
        this.store = store;
    }

    @Scheduled(every = "${xenplane.monitoring.janitor-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        store.flush();
        Set<UUID> gone = new HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"vm", "host"}) {
                try (ResultSet exists = s.executeQuery("select to_regclass('" + table + "') is not null")) {
                    exists.next();
                    if (!exists.getBoolean(1)) {
                        continue;
                    }
                }
                try (ResultSet r = s.executeQuery("delete from metrics_archive a where object_class = '" + table
                        + "' and not exists (select 1 from " + table + " o where o.id = a.object_id) returning object_id")) {
                    while (r.next()) {
                        gone.add(r.getObject(1, UUID.class));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Removing the archives of deleted objects failed: %s", e.getMessage());
            return;
        }
        if (!gone.isEmpty()) {
            store.forget(gone);
            LOG.infof("Removed the metrics archives of %d deleted object(s)", gone.size());
        }
    }
}
