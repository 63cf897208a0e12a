package org.xenplane.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * One service's calls to another over its REST API (the VM service calling the storage or the
 * network service when they run apart): authenticated with the caller's service credential, JSON
 * in and out, the other service's problems turned back into the same error codes. Whatever is the
 * other service failing rather than the request (unreachable, an answer that is not JSON, an
 * unknown code, the service credential refused) is {@code unavailable}, naming the VM.
 */
public final class ServiceCalls {
    private final String baseUrl;
    private final String service;
    private final Supplier<String> credential;
    private final ObjectMapper json;
    private final Duration timeout;
    private final ErrorCode unavailable;
    private final HttpClient http;

    /**
     * @param service     the called service's name, for errors ("storage", "network")
     * @param unavailable the error of the called service failing ({@code STORAGE_SERVICE_UNAVAILABLE}, ...):
     *                    its parameters are the VM and a detail
     */
    public ServiceCalls(String baseUrl, String service, Supplier<String> credential, ObjectMapper json, Duration timeout,
                        ErrorCode unavailable) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.service = service;
        this.credential = credential;
        this.json = json;
        this.timeout = timeout;
        this.unavailable = unavailable;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** POSTs {@code body} as JSON, keyed by {@code idempotencyKey}; the answer of a 2xx status. */
    public HttpResponse<String> post(UUID vmId, String path, Map<String, Object> body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = request(path).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(vmId, request.build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DELETEs {@code path}; the answer of a 2xx status. */
    public HttpResponse<String> delete(UUID vmId, String path) {
        return send(vmId, request(path).timeout(timeout).DELETE().build());
    }

    /** GETs {@code path}, waiting at most {@code wait} more than the usual timeout (long polls). */
    public HttpResponse<String> get(UUID vmId, String path, Duration wait) {
        return send(vmId, request(path).timeout(timeout.plus(wait)).GET().build());
    }

    /** The answer's JSON; an answer that is not JSON is the service failing. */
    public JsonNode read(UUID vmId, String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw unavailable(vmId, "the " + service + " service's answer is not JSON");
        }
    }

    /** The other service's problem (or task error) as the same error here; an unknown code is the service failing. */
    public XenplaneException refusal(UUID vmId, JsonNode problem) {
        String code = problem.path("code").asText("");
        Map<String, String> parameters = new LinkedHashMap<>();
        problem.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        try {
            return XenplaneException.fromRecord(ErrorCode.valueOf(code), parameters);
        } catch (IllegalArgumentException e) {
            return unavailable(vmId, "the " + service + " service answered " + (code.isEmpty() ? problem : code));
        }
    }

    public XenplaneException unavailable(UUID vmId, String detail) {
        return new XenplaneException(unavailable, vmId, detail);
    }

    /** A JSON object of keys and values, in order. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + credential.get())
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(UUID vmId, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(vmId, request.uri().getPath() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(vmId, "interrupted");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            // the calling service's own credential was refused (revoked, or a role too small): not the user's doing
            throw unavailable(vmId, "the " + service + " service refused the VM service's credential ("
                    + read(vmId, response.body()).path("code").asText("HTTP " + response.statusCode()) + ")");
        }
        if (response.statusCode() >= 400) {
            throw refusal(vmId, read(vmId, response.body()));
        }
        return response;
    }
}
