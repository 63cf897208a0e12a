package org.xenplane.core.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Drops Agroal's "Closing open connection(s) prior to commit" warning, which every transaction
 * that publishes events would otherwise log: the event outbox ({@code EventPublisher}) writes its
 * rows from a {@code beforeCompletion} synchronization through Hibernate, and Hibernate releases
 * that connection only after completion, so Agroal, checking before, warns about a connection it
 * then commits and returns as usual (quarkusio/quarkus#41757, still open upstream). Our own JDBC
 * code closes every connection it opens (try-with-resources), so the warning tells nothing here;
 * every other message of the pool still shows.
 */
@LoggingFilter(name = "xenplane-commit-time-connection-warning")
public final class CommitTimeConnectionWarning implements Filter {
    static final String MESSAGE = "open connection(s) prior to commit";

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith("io.agroal")) {
            return true;
        }
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message == null || !message.contains(MESSAGE);
    }
}
