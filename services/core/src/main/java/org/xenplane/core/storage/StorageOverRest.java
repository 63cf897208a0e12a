package org.xenplane.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;

/**
 * The {@link VmStorage} of a VM service that runs apart from the storage service: each call is
 * the storage service's REST "storage half" ({@code /api/v1/vbds/attach-vm}, {@code detach-vm},
 * {@code move-vm}, {@code clone-vm}, {@code destroy-vm}), authenticated with the VM service's
 * own credential and keyed by the step's operation id ({@code Idempotency-Key}), so a retried step
 * does its work once. The storage service's refusals come back as the same error codes; an
 * unreachable storage service is {@code STORAGE_SERVICE_UNAVAILABLE}.
 */
public class StorageOverRest implements VmStorage {
    private static final String TASK_HEADER = "Xenplane-Task";
    private static final int TASK_WAIT_SECONDS = 30;

    private final String baseUrl;
    private final Supplier<String> credential;
    private final ObjectMapper json;
    private final UnpluggedSrs unplugged;
    private final HttpClient http;
    private final Duration timeout;

    public StorageOverRest(String baseUrl, Supplier<String> credential, ObjectMapper json, UnpluggedSrs unplugged,
                           Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credential = credential;
        this.json = json;
        this.unplugged = unplugged;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public List<VmDisk> attachDisks(UUID vmId, UUID hostId, String operationId) {
        return disks(post(vmId, "/api/v1/vbds/attach-vm", body("vmId", vmId, "hostId", hostId), operationId).body());
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        unplugged.assertNoneFor(vmId, hostId);
    }

    @Override
    public void detachDisks(UUID vmId, String operationId) {
        post(vmId, "/api/v1/vbds/detach-vm", body("vmId", vmId), operationId);
    }

    @Override
    public List<VmDisk> prepareMove(UUID vmId, UUID toHost, String operationId) {
        return disks(post(vmId, "/api/v1/vbds/move-vm", body("vmId", vmId, "hostId", toHost, "step", "prepare"),
                operationId).body());
    }

    @Override
    public void completeMove(UUID vmId, UUID toHost, String operationId) {
        post(vmId, "/api/v1/vbds/move-vm", body("vmId", vmId, "hostId", toHost, "step", "complete"), operationId);
    }

    @Override
    public void abortMove(UUID vmId, UUID toHost, String operationId) {
        post(vmId, "/api/v1/vbds/move-vm", body("vmId", vmId, "hostId", toHost, "step", "abort"), operationId);
    }

    @Override
    public void cloneDisks(UUID vmId, UUID newVmId, CloneMode mode, TaskContext context) {
        HttpResponse<String> accepted = post(vmId, "/api/v1/vbds/clone-vm",
                body("vmId", vmId, "newVmId", newVmId, "mode", mode.name().toLowerCase(java.util.Locale.ROOT)),
                context.taskId() + "/clone-vm");
        String task = accepted.headers().firstValue(TASK_HEADER).orElseThrow(() ->
                unavailable(vmId, "clone-vm answered without a task"));
        while (true) {
            context.checkCancelled();
            JsonNode finished = read(vmId, send(vmId, request("/api/v1/tasks/" + task + "?wait=" + TASK_WAIT_SECONDS)
                    .timeout(timeout.plusSeconds(TASK_WAIT_SECONDS)).GET().build()).body());
            switch (finished.path("status").asText()) {
                case "success" -> {
                    return;
                }
                case "failure", "cancelled" -> throw refusal(vmId, finished.path("error"));
                default -> context.progress(finished.path("progress").asDouble());
            }
        }
    }

    @Override
    public void destroyVbds(UUID vmId, boolean destroyDisks, TaskContext context) {
        post(vmId, "/api/v1/vbds/destroy-vm", body("vmId", vmId, "destroyDisks", destroyDisks),
                context.taskId() + "/destroy-vm");
    }

    private HttpResponse<String> post(UUID vmId, String path, Map<String, Object> body, String idempotencyKey) {
        try {
            HttpRequest request = request(path).timeout(timeout).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            return send(vmId, request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
            // the VM service's own credential was refused (revoked, or a role too small): not the user's doing
            throw unavailable(vmId, "the storage service refused the VM service's credential ("
                    + read(vmId, response.body()).path("code").asText("HTTP " + response.statusCode()) + ")");
        }
        if (response.statusCode() >= 400) {
            throw refusal(vmId, read(vmId, response.body()));
        }
        return response;
    }

    /** The storage service's problem (or task error) as the same error here; an unknown code is the service failing. */
    private XenplaneException refusal(UUID vmId, JsonNode problem) {
        String code = problem.path("code").asText("");
        Map<String, String> parameters = new LinkedHashMap<>();
        problem.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        try {
            return XenplaneException.fromRecord(ErrorCode.valueOf(code), parameters);
        } catch (IllegalArgumentException e) {
            return unavailable(vmId, "the storage service answered " + (code.isEmpty() ? problem : code));
        }
    }

    private List<VmDisk> disks(String body) {
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode d : read(null, body)) {
            disks.add(new VmDisk(UUID.fromString(d.path("vbdId").asText()), d.path("device").asText(),
                    "RO".equals(d.path("mode").asText()), "CD".equals(d.path("type").asText()),
                    d.hasNonNull("path") ? d.get("path").asText() : null,
                    d.hasNonNull("format") ? d.get("format").asText() : null));
        }
        return disks;
    }

    private JsonNode read(UUID vmId, String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw unavailable(vmId, "the storage service's answer is not JSON");
        }
    }

    private static XenplaneException unavailable(UUID vmId, String detail) {
        return new XenplaneException(ErrorCode.STORAGE_SERVICE_UNAVAILABLE, vmId, detail);
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
