package org.xenplane.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A pass-through in front of the real daemon that can hold back one kind of call: every request goes
 * on to the daemon unchanged, except that a request matching the {@linkplain #hold gate} waits there
 * until the test {@linkplain Gate#release releases} it. So a test can look at the database while the
 * control plane waits on a daemon call.
 */
final class GatedDaemon implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "date");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String daemon;
    private volatile Gate gate;

    /** A pass-through to {@code daemonBase} (scheme, host and port of the real daemon). */
    GatedDaemon(String daemonBase) throws IOException {
        this.daemon = daemonBase;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** The pass-through's address for a daemon URL of the real daemon. */
    String url(String daemonUrl) {
        return daemonUrl.replace(daemon, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Holds back the next request with this method whose path matches {@code pathRegex}. */
    Gate hold(String method, String pathRegex) {
        gate = new Gate(method, pathRegex);
        return gate;
    }

    /** One held request: the test awaits its arrival, then releases it. */
    static final class Gate {
        private final String method;
        private final String pathRegex;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Gate(String method, String pathRegex) {
            this.method = method;
            this.pathRegex = pathRegex;
        }

        boolean hasArrived() {
            return arrived.getCount() == 0;
        }

        void release() {
            released.countDown();
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            Gate g = gate;
            if (g != null && g.method.equals(exchange.getRequestMethod())
                    && exchange.getRequestURI().getPath().matches(g.pathRegex) && g.arrived.getCount() > 0) {
                g.arrived.countDown();
                if (!g.released.await(60, TimeUnit.SECONDS)) {
                    exchange.sendResponseHeaders(504, -1);
                    return;
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(daemon + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_HEADERS.contains(h.getKey().toLowerCase())) {
                    h.getValue().forEach(v -> request.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Gate g = gate;
        if (g != null) {
            g.release();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
