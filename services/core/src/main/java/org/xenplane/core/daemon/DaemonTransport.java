package org.xenplane.core.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * The control plane's one transport to the host daemons, under every typed client (domains,
 * storage, network), with one policy:
 * <ul>
 * <li>each call presents the host's control-plane credential and the protocol version, and a
 *     change carries its operation id ({@link DaemonProtocol#OPERATION_ID_HEADER});</li>
 * <li>a call whose connection fails (refused, reset, not accepted within the connect timeout) is
 *     sent again, up to {@link DaemonClientConfig#attempts()} times, when that is safe: a read, or
 *     a change with its operation id, which is the same in every attempt so the daemon acts once;</li>
 * <li>a daemon that cannot be reached, or does not answer within the call's time, is
 *     {@code HOST_OFFLINE}: the host is unreachable, whatever the call was;</li>
 * <li>a daemon's refusal is mapped by {@link WireErrors}.</li>
 * </ul>
 * Streams (a disk's export and import) take the same path, with the transfer time and no retry of
 * an upload, whose body cannot be sent twice.
 */
@ApplicationScoped
public class DaemonTransport {
    private static final Logger LOG = Logger.getLogger(DaemonTransport.class);
    private static final long RETRY_PAUSE_MILLIS = 200;
    private static final String JSON = "application/json";

    private final DaemonCredentials credentials;
    private final ObjectMapper json;
    private final DaemonClientConfig config;
    private final HttpClient http;

    public DaemonTransport(DaemonCredentials credentials, ObjectMapper json, DaemonClientConfig config) {
        this.credentials = credentials;
        // a newer daemon may report more than this control plane knows
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "xenplane-daemon-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** Sends {@code request} to the host's daemon; reads the answer as {@code answer} ({@code Void} or a 204: null). */
    public <T> T send(HostRef host, DaemonRequest request, Class<T> answer) {
        HttpRequest.Builder builder = builder(host, request, JSON);
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", JSON)
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(write(request.body())));
        }
        int attempts = request.repeatable() ? Math.max(1, config.attempts()) : 1;
        HttpResponse<byte[]> response = exchange(host, request, builder.build(), HttpResponse.BodyHandlers.ofByteArray(),
                attempts);
        if (response.statusCode() / 100 != 2) {
            throw refusal(host, response.statusCode(), response.body());
        }
        return response.statusCode() == 204 || answer == Void.class ? null : read(host, response.body(), answer);
    }

    /** A disk's content as it streams from the daemon; close it when done. */
    public record Download(long length, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** Sends a read whose answer is a byte stream ({@code application/octet-stream}). */
    public Download download(HostRef host, DaemonRequest request) {
        HttpRequest built = builder(host, request, "application/octet-stream, application/problem+json").GET().build();
        HttpResponse<InputStream> response = exchange(host, request, built, HttpResponse.BodyHandlers.ofInputStream(),
                Math.max(1, config.attempts()));
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw refusal(host, response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
            }
        }
        return new Download(response.headers().firstValueAsLong("Content-Length").orElse(-1), response.body());
    }

    /** Sends {@code length} bytes of {@code body} with {@code request}; one attempt, as a stream is read once. */
    public <T> T upload(HostRef host, DaemonRequest request, InputStream body, long length, Class<T> answer) {
        HttpRequest built = builder(host, request, JSON).header("Content-Type", "application/octet-stream")
                .method(request.method(), HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), length)).build();
        HttpResponse<byte[]> response = exchange(host, request, built, HttpResponse.BodyHandlers.ofByteArray(), 1);
        if (response.statusCode() / 100 != 2) {
            throw refusal(host, response.statusCode(), response.body());
        }
        return read(host, response.body(), answer);
    }

    private HttpRequest.Builder builder(HostRef host, DaemonRequest request, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base(host) + request.path()))
                .timeout(time(request))
                .header("Authorization", "Bearer " + credentials.forHost(host.id()))
                .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                .header("Accept", accept);
        if (request.operationId() != null) {
            builder.header(DaemonProtocol.OPERATION_ID_HEADER, request.operationId());
        }
        return builder;
    }

    private Duration time(DaemonRequest request) {
        Duration budget = switch (request.budget()) {
            case QUICK -> config.requestTimeout();
            case DISK -> config.diskTimeout();
            case TRANSFER -> config.transferTimeout();
        };
        return budget.plus(request.extra());
    }

    private static String base(HostRef host) {
        String url = host.daemonUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private <T> HttpResponse<T> exchange(HostRef host, DaemonRequest request, HttpRequest built,
                                         HttpResponse.BodyHandler<T> handler, int attempts) {
        String what = request.method() + " " + request.path();
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(built, handler);
            } catch (HttpTimeoutException e) {
                // not accepted within the connect timeout, or no answer within the call's time
                LOG.infof("The daemon of host %s did not answer %s in time: %s", host.name(), what, e.getMessage());
                throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
            } catch (IOException e) {
                if (attempt >= attempts) {
                    LOG.infof("The daemon of host %s cannot be reached at %s (%s, %d attempts): %s", host.name(),
                            host.daemonUrl(), what, attempt, e);
                    throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
                }
                LOG.debugf("%s on host %s failed (attempt %d of %d): %s", what, host.name(), attempt, attempts, e);
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
            }
        }
    }

    private XenplaneException refusal(HostRef host, int status, byte[] body) {
        XenplaneException error = WireErrors.toException(host.id(), status, tree(body));
        if (error.code() == ErrorCode.HOST_DAEMON_ERROR) {
            LOG.warnf("The daemon of host %s answered %s", host.name(), error.parameters().get("detail"));
        }
        return error;
    }

    private <T> T read(HostRef host, byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.id(), "unreadable answer: " + e.getMessage());
        }
    }

    private JsonNode tree(byte[] body) {
        try {
            return body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
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
