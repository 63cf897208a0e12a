package org.xenplane.daemon.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DomainResult;

/**
 * Sends a migration stream to the receiving daemon over HTTP: {@code POST <streamUrl>} with the
 * ticket as bearer token and the stream as the body, written by the driver as it is sent.
 */
public final class HttpMigrationSender implements MigrationSender {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(1);

    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xenplane-migration-send");
        t.setDaemon(true);
        return t;
    });

    public HttpMigrationSender(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public DomainResult send(String streamUrl, String ticket, Consumer<OutputStream> writer) {
        StreamPipe pipe = new StreamPipe();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.sink) {
                writer.accept(out);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, writers);
        writing.whenComplete((ok, failure) -> {
            if (failure != null) {
                pipe.abort();
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(streamUrl))
                    .timeout(TRANSFER_TIMEOUT)
                    .header("Authorization", "Bearer " + ticket)
                    .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> pipe.source))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            pipe.abort();
            rethrowWriterFailure(writing);
            throw new MigrationFailedException("cannot send to the destination: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            pipe.abort();
            Thread.currentThread().interrupt();
            throw new MigrationFailedException("interrupted", e);
        }
        rethrowWriterFailure(writing);
        if (response.statusCode() != 200) {
            throw new MigrationFailedException("the destination answered HTTP " + response.statusCode()
                    + problemCode(response.body()), null);
        }
        try {
            return json.readValue(response.body(), DomainResult.class);
        } catch (IOException e) {
            throw new MigrationFailedException("the destination's answer is unreadable", e);
        }
    }

    private static void rethrowWriterFailure(CompletableFuture<Void> writing) {
        try {
            writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new MigrationFailedException("the stream could not be written: " + e.getCause(), e.getCause());
        }
    }

    private String problemCode(String body) {
        try {
            JsonNode code = json.readTree(body).path("code");
            JsonNode detail = json.readTree(body).path("detail");
            return (code.isTextual() ? " " + code.asText() : "") + (detail.isTextual() ? " (" + detail.asText() + ")" : "");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
