package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * The migrations of every service, as the all-in-one server finds them on its classpath, apply
 * to an empty database and, one release at a time, to a database that already holds data.
 */
class MigrationsTest {

    @Test
    void allMigrationsApplyToAnEmptyDatabase() throws Exception {
        DataSource db = EmbeddedPostgresResource.server().getDatabase("postgres", EmbeddedPostgresResource.freshDatabase("migrate_empty"));
        int known = pending(db).size();
        MigrateResult result = flyway(db, null).migrate();
        assertThat(result.success).isTrue();
        assertThat(known).isGreaterThanOrEqualTo(2);
        assertThat(result.migrationsExecuted).isEqualTo(known);
        assertThat(pending(db)).isEmpty();
        assertThat(count(db, "select count(*) from pool")).isEqualTo(1);
    }

    @Test
    void eachMigrationAppliesOnTopOfDataWrittenBeforeIt() throws Exception {
        DataSource db = EmbeddedPostgresResource.server().getDatabase("postgres", EmbeddedPostgresResource.freshDatabase("migrate_with_data"));
        List<MigrationInfo> all = pending(db);
        assertThat(all).isNotEmpty();
        for (MigrationInfo step : all) {
            flyway(db, step.getVersion().getVersion()).migrate();
            writeSampleRows(db);
        }
        assertThat(count(db, "select count(*) from task")).isEqualTo(all.size());
        assertThat(count(db, "select count(*) from event")).isEqualTo(all.size());
        assertThat(flyway(db, null).validateWithResult().validationSuccessful).isTrue();
    }

    private static List<MigrationInfo> pending(DataSource db) {
        return Arrays.asList(flyway(db, null).info().pending());
    }

    private static Flyway flyway(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }

    private static void writeSampleRows(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into task (id, operation, status, created_at, created_by)"
                    + " values (gen_random_uuid(), 'pool.update', 'SUCCESS', now(), 'admin')");
            st.execute("insert into event (id, object_class, operation, object_id, snapshot)"
                    + " values (nextval('event_id_seq'), 'task', 'add', gen_random_uuid(), '{}')");
        }
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
