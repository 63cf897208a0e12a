package org.xenplane.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The all-in-one server's entry point. With no database configured ({@code XENPLANE_DB_URL} or
 * {@code quarkus.datasource.jdbc.url}) it first starts an embedded PostgreSQL whose data lives in
 * {@code $XENPLANE_DATA_DIR/postgres} (default {@code ~/.xenplane}), so it runs on a fresh machine.
 */
@QuarkusMain
public class XenplaneServer {
    private static final String URL_KEY = "quarkus.datasource.jdbc.url";

    public static void main(String... args) throws Exception {
        if (ConfigProvider.getConfig().getOptionalValue(URL_KEY, String.class).filter(s -> !s.isBlank()).isPresent()) {
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDirectory().resolve("postgres"));
        EmbeddedDatabaseShutdown.stopAfterQuarkus(embedded);
        System.setProperty(URL_KEY, embedded.jdbcUrl());
        System.setProperty("quarkus.datasource.username", embedded.username());
        System.setProperty("quarkus.datasource.password", embedded.password());
        try {
            Quarkus.run(args);
        } finally {
            EmbeddedDatabaseShutdown.stopNow();
        }
    }

    private static Path dataDirectory() {
        String configured = System.getenv("XENPLANE_DATA_DIR");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("xenplane.data-dir", System.getProperty("user.home") + "/.xenplane");
        }
        return Path.of(configured).toAbsolutePath();
    }
}
