package org.xenplane.daemon.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.Heartbeat;
import org.xenplane.daemon.protocol.HostFacts;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.JoinResponse;
import org.xenplane.daemon.protocol.MetricsReport;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HeartbeatAck;

/**
 * The daemon's two calls to the control plane: join (authenticated by the join token in the body)
 * and heartbeat (bearer: the host credential). Plain JDK HTTP client and Jackson.
 */
public final class ControlPlaneClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    public ControlPlaneClient(String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** One join attempt; never throws for network trouble, which is {@link JoinResult.Unavailable}. */
    public JoinResult join(JoinRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(post(DaemonProtocol.JOIN, request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new JoinResult.Unavailable(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JoinResult.Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return joined(response.body());
        }
        String reason = "HTTP " + status + problemCode(response.body());
        boolean transientFailure = status >= 500 || status == 408 || status == 429;
        return transientFailure ? new JoinResult.Unavailable(reason) : new JoinResult.Refused(reason);
    }

    /**
     * Sends one heartbeat; completes with the answer (200 with a {@link HeartbeatAck}; 204 from a
     * control plane without HA, read as HA disabled), or exceptionally.
     */
    public CompletableFuture<HeartbeatAnswer> heartbeat(UUID hostId, String hostCredential, HostFacts facts) {
        HttpRequest request = post(String.format(DaemonProtocol.HEARTBEAT, hostId), new Heartbeat(facts))
                .header("Authorization", "Bearer " + hostCredential)
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::heartbeatAnswer);
    }

    private HeartbeatAnswer heartbeatAnswer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 204) {
            return new HeartbeatAnswer(status, new HeartbeatAck(HaLease.disabled()));
        }
        if (status != 200) {
            return new HeartbeatAnswer(status, null);
        }
        try {
            return new HeartbeatAnswer(status, json.readValue(response.body(), HeartbeatAck.class));
        } catch (IOException e) {
            // the body holds the peer token: never quote it
            return new HeartbeatAnswer(status, null);
        }
    }

    /** Sends a host's domain report; completes with the HTTP status (204 when recorded), or exceptionally. */
    public CompletableFuture<Integer> reportDomains(String hostCredential, DomainReport report) {
        HttpRequest request = post(DaemonProtocol.DOMAIN_REPORTS, report)
                .header("Authorization", "Bearer " + hostCredential)
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** Sends part of a host's metrics sample; completes with the HTTP status (204 when recorded), or exceptionally. */
    public CompletableFuture<Integer> reportMetrics(String hostCredential, MetricsReport report) {
        HttpRequest request = post(DaemonProtocol.METRICS_REPORTS, report)
                .header("Authorization", "Bearer " + hostCredential)
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** A short description of a network failure, e.g. {@code ConnectException} or {@code HttpTimeoutException: request timed out}. */
    public static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private HttpRequest.Builder post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private JoinResult joined(String body) {
        try {
            JoinResponse identity = json.readValue(body, JoinResponse.class);
            if (identity.hostId() == null || identity.hostCredential() == null || identity.controlPlaneCredential() == null) {
                return new JoinResult.Refused("HTTP 200 without a host id and both credentials");
            }
            return new JoinResult.Joined(identity);
        } catch (IOException e) {
            return new JoinResult.Refused("HTTP 200 with an unreadable answer");
        }
    }

    /** " CODE" from an RFC 7807 body that has one, else "". */
    private String problemCode(String body) {
        try {
            JsonNode code = json.readTree(body).path("code");
            return code.isTextual() ? " " + code.asText() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
