package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * The adapter's one way to the services: their REST API, called with the caller's own token, so
 * that every XenAPI message is authorized, validated, run as a task and evented exactly as the REST
 * call doing the same thing (no second model, no SQL here). A problem answered is turned into the
 * XenAPI failure by {@link ErrorTable}.
 */
@ApplicationScoped
public class RestApi {
    private static final Logger LOG = Logger.getLogger(RestApi.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final XenApiConfig config;
    private volatile String baseUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RestApi(XenApiConfig config) {
        this.config = config;
    }

    /** The configured URL, else this process's own port, known only once it listens (a random port in tests). */
    private String baseUrl() {
        if (baseUrl == null) {
            String url = config.apiUrl().orElseGet(() -> {
                String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
                return "http://127.0.0.1:" + ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
            });
            baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return baseUrl;
    }

    /** An answer: its status, its {@code Xenplane-Task} header if any, and its JSON body (null when empty). */
    public record Answer(int status, String task, JsonNode body) {
    }

    public JsonNode get(String token, String path) {
        return send(token, request(path, Duration.ZERO).GET()).body();
    }

    /** GETs {@code path}, waiting up to {@code wait} more than the usual timeout (a long poll). */
    public JsonNode getWaiting(String token, String path, Duration wait) {
        return send(token, request(path, wait).GET()).body();
    }

    public Answer post(String token, String path, Object body) {
        HttpRequest.Builder request = request(path, Duration.ZERO);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        }
        return send(token, request);
    }

    public Answer patch(String token, String path, Object body) {
        return send(token, request(path, Duration.ZERO).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    public Answer delete(String token, String path) {
        return send(token, request(path, Duration.ZERO).DELETE());
    }

    /** A request to the REST API, on behalf of the client whose call is being answered ({@link ClientAddress}). */
    private HttpRequest.Builder request(String path, Duration wait) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(TIMEOUT.plus(wait))
                .header("Accept", "application/json");
        ClientAddress.current().ifPresent(address -> request.header("X-Forwarded-For", address));
        return request;
    }

    private Answer send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warnf("XenAPI: the REST API at %s did not answer %s %s: %s", baseUrl(), built.method(), built.uri().getPath(), e);
            throw new XenApiFailure("INTERNAL_ERROR", "the REST API did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenApiFailure("INTERNAL_ERROR", "interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 300) {
            throw ErrorTable.failure(response.statusCode(), body);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Xenplane-Task").orElse(null), body);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new XenApiFailure("INTERNAL_ERROR", "the REST API answered something that is not JSON");
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
