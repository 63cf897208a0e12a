package org.xenplane.core.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes audit entries in batches from a background thread, so that recording never adds a
 * database round trip to the audited call. Entries still queued are written at shutdown; a
 * crash can lose the last fraction of a second, which is documented in docs/security.md.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    private static final int CAPACITY = 100_000;

    private final AgroalDataSource dataSource;
    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean running = true;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::writeLoop, "xenplane-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public void record(AuditEntry entry) {
        if (!queue.offer(entry)) {
            LOG.errorf("Audit queue full; dropped the entry for %s by %s", entry.operation(), entry.subject());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(5000);
        drain();
    }

    private void writeLoop() {
        while (running) {
            try {
                AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<AuditEntry> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                LOG.errorf("Could not write audit entries: %s", e.getMessage());
            }
        }
    }

    private void drain() {
        List<AuditEntry> rest = new ArrayList<>();
        queue.drainTo(rest);
        try {
            if (!rest.isEmpty()) {
                write(rest);
            }
        } catch (SQLException e) {
            LOG.errorf("Could not write %d audit entries at shutdown: %s", rest.size(), e.getMessage());
        }
    }

    private void write(List<AuditEntry> batch) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("insert into audit (at, subject, caller_kind, source, operation,"
                     + " target, outcome, http_status, error_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : batch) {
                st.setTimestamp(1, Timestamp.from(e.at()));
                st.setString(2, e.subject());
                st.setString(3, e.callerKind().name().toLowerCase());
                st.setString(4, e.source());
                st.setString(5, e.operation());
                st.setString(6, e.target());
                st.setString(7, e.success() ? "success" : "failure");
                st.setInt(8, e.httpStatus());
                st.setString(9, e.errorCode());
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
