package org.xenplane.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class CommitTimeConnectionWarningTest {
    private final CommitTimeConnectionWarning filter = new CommitTimeConnectionWarning();

    @Test
    void dropsOnlyAgroalsCommitTimeWarning() {
        assertThat(filter.isLoggable(record("io.agroal.pool", "Datasource '<default>': Closing open connection(s) prior to commit")))
                .isFalse();
        assertThat(filter.isLoggable(record("io.agroal.pool", "Datasource '<default>': Connection leak of 1 detected"))).isTrue();
        assertThat(filter.isLoggable(record("org.xenplane.core.task.TaskStore", "Closing open connection(s) prior to commit")))
                .isTrue();
    }

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }
}
