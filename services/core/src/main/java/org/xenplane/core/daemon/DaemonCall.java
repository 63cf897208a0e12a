package org.xenplane.core.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * One host daemon's HTTP calls: bearer credential, protocol version, operation id, retries when
 * the network fails, and the daemon's problems turned into typed errors: {@code HYPERVISOR_ERROR}
 * (with libxl's error name), {@code HOST_OFFLINE} (unreachable or not joined), or
 * {@code HOST_DAEMON_ERROR}.
 */
final class DaemonCall {
    private static final Logger LOG = Logger.getLogger(DaemonCall.class);
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final HttpClient http;
    private final ObjectMapper json;
    private final UUID hostId;
    private final String baseUrl;
    private final String credential;
    private final Duration timeout;
    private final int attempts;

    DaemonCall(HttpClient http, ObjectMapper json, UUID hostId, String baseUrl, String credential, Duration timeout,
               int attempts) {
        this.http = http;
        this.json = json;
        this.hostId = hostId;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credential = credential;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    UUID hostId() {
        return hostId;
    }

    /** Sends {@code method path} with an optional JSON body; reads the answer as {@code type} (null for 204). */
    <T> T send(String method, String path, Object body, String operationId, Duration extraTime, Class<T> type) {
        HttpRequest request = request(method, path, body, operationId, timeout.plus(extraTime));
        HttpResponse<String> response = exchange(request, method + " " + path);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status == 204 || type == Void.class ? null : read(response.body(), type);
        }
        throw problem(status, response.body());
    }

    private HttpRequest request(String method, String path, Object body, String operationId, Duration requestTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + credential)
                .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                .header("Accept", "application/json");
        if (operationId != null) {
            builder.header(DaemonProtocol.OPERATION_ID_HEADER, operationId);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body))).build();
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                LOG.debugf("%s on host %s failed (attempt %d): %s", what, hostId, attempt, e);
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XenplaneException(ErrorCode.HOST_OFFLINE, hostId);
            }
        }
        LOG.infof("The daemon of host %s cannot be reached at %s: %s", hostId, baseUrl, last);
        throw new XenplaneException(ErrorCode.HOST_OFFLINE, last, hostId);
    }

    private XenplaneException problem(int status, String body) {
        JsonNode problem = tree(body);
        String code = problem.path("code").asText("");
        JsonNode parameters = problem.path("parameters");
        return switch (code) {
            case "HYPERVISOR_ERROR" -> new XenplaneException(ErrorCode.HYPERVISOR_ERROR, hostId,
                    parameters.path("error").asText(), parameters.path("function").asText(), parameters.path("detail").asText());
            case "HOST_OFFLINE" -> new XenplaneException(ErrorCode.HOST_OFFLINE, hostId);
            default -> new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, hostId,
                    "HTTP " + status + (code.isEmpty() ? "" : " " + code) + detail(problem));
        };
    }

    private static String detail(JsonNode problem) {
        JsonNode detail = problem.path("detail");
        return detail.isTextual() ? ": " + detail.asText() : "";
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, hostId, "unreadable answer: " + e.getMessage());
        }
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a daemon request", e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
