package org.xenplane.core.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.storage.ForkResult;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.daemon.protocol.storage.SrSpec;
import org.xenplane.daemon.protocol.storage.SrStats;
import org.xenplane.daemon.protocol.storage.StorageProtocol;
import org.xenplane.daemon.protocol.storage.VolumeCoalesce;
import org.xenplane.daemon.protocol.storage.VolumeCopy;
import org.xenplane.daemon.protocol.storage.VolumeCreate;
import org.xenplane.daemon.protocol.storage.VolumeFork;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.daemon.protocol.storage.VolumeList;

/**
 * The typed client of a host daemon's storage API ({@link StorageProtocol}). Every call carries
 * the control-plane credential of that host; mutating calls carry an operation id, so a retry
 * with the same id is answered without doing the work twice. The daemon's typed errors come
 * back as the same {@link ErrorCode}s; an unreachable daemon is {@code HOST_OFFLINE}, anything
 * else unexpected {@code HOST_DAEMON_ERROR}.
 */
@ApplicationScoped
public class StorageDaemonClient {
    private final DaemonCredentials credentials;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;

    public StorageDaemonClient(DaemonCredentials credentials, ObjectMapper json,
                               @ConfigProperty(name = "xenplane.daemon-client.timeout", defaultValue = "PT10M") Duration timeout) {
        this.credentials = credentials;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public void createSr(DaemonTarget host, UUID srId, SrSpec spec, String operationId) {
        send(host, post(host, StorageProtocol.SR_CREATE, srId, null, spec, operationId), null);
    }

    public SrStats attachSr(DaemonTarget host, UUID srId, SrSpec spec, String operationId) {
        return send(host, post(host, StorageProtocol.SR_ATTACH, srId, null, spec, operationId), SrStats.class);
    }

    public void detachSr(DaemonTarget host, UUID srId, String operationId) {
        send(host, post(host, StorageProtocol.SR_DETACH, srId, null, null, operationId), null);
    }

    public void destroySr(DaemonTarget host, UUID srId, SrSpec spec, String operationId) {
        send(host, post(host, StorageProtocol.SR_DESTROY, srId, null, spec, operationId), null);
    }

    public SrStats stats(DaemonTarget host, UUID srId) {
        return send(host, get(host, StorageProtocol.SR_STATS, srId, null), SrStats.class);
    }

    public VolumeList scan(DaemonTarget host, UUID srId) {
        return send(host, get(host, StorageProtocol.VOLUMES, srId, null), VolumeList.class);
    }

    public VolumeInfo volume(DaemonTarget host, UUID srId, UUID volumeId) {
        return send(host, get(host, StorageProtocol.VOLUME, srId, volumeId), VolumeInfo.class);
    }

    public VolumeInfo createVolume(DaemonTarget host, UUID srId, UUID volumeId, long virtualSize, String operationId) {
        HttpRequest.Builder request = request(host, StorageProtocol.VOLUME, srId, volumeId, operationId)
                .PUT(body(new VolumeCreate(virtualSize)));
        return send(host, request, VolumeInfo.class);
    }

    public void deleteVolume(DaemonTarget host, UUID srId, UUID volumeId, String operationId) {
        send(host, request(host, StorageProtocol.VOLUME, srId, volumeId, operationId).DELETE(), null);
    }

    public VolumeInfo resize(DaemonTarget host, UUID srId, UUID volumeId, long virtualSize, String operationId) {
        return send(host, post(host, StorageProtocol.VOLUME_RESIZE, srId, volumeId, new VolumeCreate(virtualSize), operationId),
                VolumeInfo.class);
    }

    public ForkResult fork(DaemonTarget host, UUID srId, UUID volumeId, UUID baseId, UUID leafId, String operationId) {
        return send(host, post(host, StorageProtocol.VOLUME_FORK, srId, volumeId, new VolumeFork(baseId, leafId), operationId),
                ForkResult.class);
    }

    public VolumeInfo coalesce(DaemonTarget host, UUID srId, UUID volumeId, UUID parentId, String operationId) {
        return send(host, post(host, StorageProtocol.VOLUME_COALESCE, srId, volumeId, new VolumeCoalesce(parentId), operationId),
                VolumeInfo.class);
    }

    public VolumeInfo copy(DaemonTarget host, UUID srId, UUID volumeId, UUID targetSrId, UUID targetId, String operationId) {
        HttpRequest.Builder request = post(host, StorageProtocol.VOLUME_COPY, srId, volumeId,
                new VolumeCopy(targetSrId, targetId), operationId).timeout(Duration.ofHours(12));
        return send(host, request, VolumeInfo.class);
    }

    public VolumeInfo activate(DaemonTarget host, UUID srId, UUID volumeId, String operationId) {
        return send(host, post(host, StorageProtocol.VOLUME_ACTIVATE, srId, volumeId, null, operationId), VolumeInfo.class);
    }

    public void deactivate(DaemonTarget host, UUID srId, UUID volumeId, String operationId) {
        send(host, post(host, StorageProtocol.VOLUME_DEACTIVATE, srId, volumeId, null, operationId), null);
    }

    /** The content of a volume as it streams from the daemon; close it when done. */
    public record Download(long length, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    public Download export(DaemonTarget host, UUID srId, UUID volumeId, ImageFormat format) {
        HttpRequest request = request(host, StorageProtocol.VOLUME_CONTENT + "?format=" + format.id(), srId, volumeId, null)
                .timeout(Duration.ofHours(12)).setHeader("Accept", "application/octet-stream, application/problem+json").GET().build();
        HttpResponse<InputStream> response = exchange(host, request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw failure(host, response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.hostId(), e.getMessage());
            }
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Download(length, response.body());
    }

    /** Streams {@code length} bytes of an image into an existing volume (which keeps its size). */
    public VolumeInfo importContent(DaemonTarget host, UUID srId, UUID volumeId, ImageFormat format, long length,
                                    InputStream body, String operationId) {
        HttpRequest.Builder request = request(host, StorageProtocol.VOLUME_CONTENT + "?format=" + format.id(), srId, volumeId,
                operationId).timeout(Duration.ofHours(12)).setHeader("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length));
        return send(host, request, VolumeInfo.class);
    }

    private HttpRequest.Builder post(DaemonTarget host, String template, UUID srId, UUID volumeId, Object body, String operationId) {
        return request(host, template, srId, volumeId, operationId).POST(body == null ? HttpRequest.BodyPublishers.noBody() : body(body));
    }

    private HttpRequest.Builder get(DaemonTarget host, String template, UUID srId, UUID volumeId) {
        return request(host, template, srId, volumeId, null).GET();
    }

    private HttpRequest.Builder request(DaemonTarget host, String template, UUID srId, UUID volumeId, String operationId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(host.daemonUrl() + StorageProtocol.path(template, srId, volumeId)))
                .timeout(timeout)
                .header("Authorization", "Bearer " + credentials.forHost(host.hostId()))
                .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (operationId != null) {
            builder.header(StorageProtocol.OPERATION_HEADER, operationId);
        }
        return builder;
    }

    private HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T send(DaemonTarget host, HttpRequest.Builder request, Class<T> type) {
        HttpResponse<byte[]> response = exchange(host, request.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw failure(host, status, response.body());
        }
        if (type == null) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.hostId(), "unreadable answer: " + e.getMessage());
        }
    }

    private <T> HttpResponse<T> exchange(DaemonTarget host, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, host.hostId());
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.hostId(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.hostId(), "interrupted");
        }
    }

    /** The daemon's problem as our error: its storage codes pass through, the rest name the host. */
    private XenplaneException failure(DaemonTarget host, int status, byte[] body) {
        String code = null;
        Map<String, String> parameters = Map.of();
        try {
            JsonNode problem = json.readTree(body);
            code = problem.path("code").asText(null);
            if (problem.has("parameters")) {
                parameters = json.convertValue(problem.get("parameters"), new TypeReference<Map<String, String>>() { });
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // not a problem document; answered below
        }
        if ("HOST_OFFLINE".equals(code) || status == 503) {
            return new XenplaneException(ErrorCode.HOST_OFFLINE, host.hostId());
        }
        if (code != null && PASSED_THROUGH.contains(code)) {
            ErrorCode error = ErrorCode.valueOf(code);
            if (parameters.keySet().containsAll(error.parameterNames())) {
                return XenplaneException.fromRecord(error, parameters);
            }
        }
        return new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.hostId(),
                "HTTP " + status + (code == null ? "" : " " + code + " " + parameters));
    }

    private static final java.util.Set<String> PASSED_THROUGH = java.util.Set.of(
            "SR_UNKNOWN_DRIVER", "SR_DEVICE_CONFIG_INVALID", "VDI_CONTENT_INVALID", "VDI_TOO_SMALL", "VDI_MISSING",
            "SR_NOT_ATTACHED", "SR_BACKEND_FAILURE", "REQUEST_TOO_LARGE");
}
