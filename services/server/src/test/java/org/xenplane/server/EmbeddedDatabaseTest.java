package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as a small pool runs it in production: durable, password-protected,
 * on 127.0.0.1 only, its files closed to other users; and a data directory made by earlier
 * versions (trust authentication, no password) is converted on its first start.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void itIsDurableListensOnLoopbackOnlyAndTakesOnlyItsPassword() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
            assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(show(c, "unix_socket_directories")).isEqualTo(home.resolve("postgres-socket").toString());
            assertThat(query(c, "select rolpassword from pg_authid where rolname = 'postgres'")).startsWith("SCRAM-SHA-256$");
            assertThat(query(c, "select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")).isEqualTo("0");

            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", null))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void itsFilesAreClosedToOtherUsers() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"))) {
            assertThat(mode(home.resolve("postgres/" + EmbeddedDatabaseSecret.FILE_NAME))).isEqualTo("rw-------");
            assertThat(mode(home.resolve("postgres"))).isEqualTo("rwx------");
            assertThat(mode(home.resolve("postgres-socket"))).isEqualTo("rwx------");
            assertThat(mode(home.resolve("postgres-binaries"))).isEqualTo("rwx------");
            try (Stream<Path> sockets = Files.list(home.resolve("postgres-socket"))) {
                assertThat(sockets.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(".s.PGSQL."));
            }
            try (Stream<Path> binaries = Files.walk(home.resolve("postgres-binaries"))) {
                assertThat(binaries.filter(p -> !Files.isSymbolicLink(p)).filter(EmbeddedDatabaseTest::writableByOthers))
                        .as("binaries writable by group or others").isEmpty();
            }
            assertThat(writableByOthers(home)).isFalse();
        }
    }

    @Test
    void theSecretIsMadeOnceAndReusedAndTheDataSurvivesARestart() throws Exception {
        String password;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            password = db.password();
            execute(c, "create table kept (v text)", "insert into kept values ('before restart')");
        }
        assertThat(Files.readString(home.resolve("postgres/" + EmbeddedDatabaseSecret.FILE_NAME)).trim()).isEqualTo(password);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(db.password()).isEqualTo(password);
            assertThat(query(c, "select v from kept")).isEqualTo("before restart");
        }
    }

    @Test
    void aDataDirectoryFromEarlierVersionsIsSwitchedToPasswordsAndKeepsItsData() throws Exception {
        Path data = home.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(home.resolve("postgres-binaries").toFile()).setPort(0).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            execute(c, "create table kept (v text)", "insert into kept values ('made with trust')");
        }
        assertThat(Files.exists(data.resolve(EmbeddedDatabaseSecret.FILE_NAME))).isFalse();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(query(c, "select v from kept")).isEqualTo("made with trust");
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", null))
                    .isInstanceOf(SQLException.class);
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).startsWith(PasswordAuthentication.HBA_MARKER)
                    .doesNotContain("trust");
        }
    }

    @Test
    void removingTheSecretFileSetsANewPassword() throws Exception {
        String first;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"))) {
            first = db.password();
        }
        Files.delete(home.resolve("postgres/" + EmbeddedDatabaseSecret.FILE_NAME));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertThat(db.password()).isNotEqualTo(first);
            assertThat(query(c, "select 1")).isEqualTo("1");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", first)).isInstanceOf(SQLException.class);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        return query(c, "show " + setting);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean writableByOthers(Path path) {
        try {
            var mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            return mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
