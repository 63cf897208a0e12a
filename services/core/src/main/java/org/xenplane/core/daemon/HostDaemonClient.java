package org.xenplane.core.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The control plane's only way to a host daemon: typed calls over the daemon protocol
 * ({@link DaemonHost}), authenticated with the host's control-plane credential. Every mutating
 * call carries an operation id, so a call whose answer was lost is retried safely.
 */
@ApplicationScoped
public class HostDaemonClient {
    private final DaemonCredentials credentials;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int attempts;

    public HostDaemonClient(DaemonCredentials credentials, ObjectMapper json,
                            @ConfigProperty(name = "xenplane.daemon-client.connect-timeout", defaultValue = "5s") Duration connectTimeout,
                            @ConfigProperty(name = "xenplane.daemon-client.request-timeout", defaultValue = "60s") Duration requestTimeout,
                            @ConfigProperty(name = "xenplane.daemon-client.attempts", defaultValue = "3") int attempts) {
        this.credentials = credentials;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.attempts = Math.max(1, attempts);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "xenplane-daemon-client");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .executor(executor).build();
    }

    /** The daemon of {@code hostId}, reached at its {@code daemonUrl} (as recorded when it joined). */
    public DaemonHost host(UUID hostId, String daemonUrl) {
        return new DaemonHost(new DaemonCall(http, json, hostId, daemonUrl, credentials.forHost(hostId), requestTimeout,
                attempts));
    }
}
