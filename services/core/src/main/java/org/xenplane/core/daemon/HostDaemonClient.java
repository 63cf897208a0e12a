package org.xenplane.core.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.DaemonHostInfo;
import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * The typed client services use to call a host's daemon. It authenticates with the host's
 * control-plane credential; an unreachable daemon is {@code HOST_OFFLINE}, a refusal or an error
 * answer is {@code HOST_DAEMON_ERROR}.
 */
@ApplicationScoped
public class HostDaemonClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DaemonCredentials credentials;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HostDaemonClient(DaemonCredentials credentials, ObjectMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    public DaemonHostInfo hostInfo(UUID hostId, String daemonUrl) {
        return get(hostId, daemonUrl, DaemonProtocol.HOST_INFO, DaemonHostInfo.class);
    }

    private <T> T get(UUID hostId, String daemonUrl, String path, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(daemonUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + credentials.forHost(hostId))
                .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, hostId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, hostId);
        }
        if (response.statusCode() != 200) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, hostId, "HTTP " + response.statusCode());
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, e, hostId, "unreadable answer");
        }
    }
}
