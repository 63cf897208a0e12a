package org.xenplane.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.MetricsReport;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HeartbeatAck;
import org.xenplane.daemon.protocol.Heartbeat;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.JoinResponse;

/**
 * A tiny control plane for tests, on the JDK's HTTP server: it answers joins for the tokens a test
 * issued (each usable once, like the real one) and records every join and heartbeat it receives.
 */
public final class FakeControlPlane implements AutoCloseable {
    private static final Pattern HEARTBEAT = Pattern.compile("/api/v1/hosts/([0-9a-f-]{36})/heartbeat");

    /** A join as received: the request and its protocol version header. */
    public record ReceivedJoin(JoinRequest request, String protocolVersion) {
    }

    /** A heartbeat as received: the host id from the path, the Authorization header, the body. */
    public record ReceivedHeartbeat(UUID hostId, String authorization, Heartbeat heartbeat) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final HttpServer server;
    private final UUID poolId = UUID.randomUUID();
    private final Map<String, JoinResponse> issued = new ConcurrentHashMap<>();
    private final Map<String, JoinResponse> unusedTokens = new ConcurrentHashMap<>();
    private final Map<UUID, String> hostCredentials = new ConcurrentHashMap<>();
    private final List<ReceivedJoin> joins = new CopyOnWriteArrayList<>();
    private final List<ReceivedHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final List<DomainReport> domainReports = new CopyOnWriteArrayList<>();
    private final List<MetricsReport> metricsReports = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableJoins = new AtomicInteger();
    private volatile Function<UUID, HaLease> haTerms;
    private final Set<UUID> cutOff = ConcurrentHashMap.newKeySet();

    private FakeControlPlane() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(DaemonProtocol.JOIN, this::join);
        server.createContext("/api/v1/hosts/", this::heartbeat);
        server.createContext(DaemonProtocol.DOMAIN_REPORTS, this::domainReport);
        server.createContext(DaemonProtocol.METRICS_REPORTS, this::metricsReport);
        server.start();
    }

    public static FakeControlPlane start() throws IOException {
        return new FakeControlPlane();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Issues a join token: the answer its join will get, with fresh ids and credentials. */
    public JoinResponse issue(String token) {
        JoinResponse response = new JoinResponse(UUID.randomUUID(), poolId,
                "xph_" + UUID.randomUUID(), "xpc_" + UUID.randomUUID());
        issued.put(token, response);
        unusedTokens.put(token, response);
        hostCredentials.put(response.hostId(), response.hostCredential());
        return response;
    }

    /** What a join with this token is (or was) answered. */
    public JoinResponse issued(String token) {
        return issued.get(token);
    }

    /** The next {@code count} joins get 503, as from a control plane still starting. */
    public void answerNextJoinsUnavailable(int count) {
        unavailableJoins.set(count);
    }

    /**
     * From now on, heartbeats are answered 200 with a {@link HeartbeatAck} carrying these terms for
     * the host; null (the default) answers 204, as a control plane without HA.
     */
    public void acknowledgeWith(Function<UUID, HaLease> terms) {
        this.haTerms = terms;
    }

    /** The host's heartbeats get no acknowledgement (503), as if its link to the control plane were cut; or again one. */
    public void cutOff(UUID hostId, boolean cut) {
        if (cut) {
            cutOff.add(hostId);
        } else {
            cutOff.remove(hostId);
        }
    }

    public List<ReceivedJoin> joins() {
        return List.copyOf(joins);
    }

    public List<ReceivedHeartbeat> heartbeats() {
        return List.copyOf(heartbeats);
    }

    public List<MetricsReport> metricsReports() {
        return List.copyOf(metricsReports);
    }

    public List<DomainReport> domainReports() {
        return List.copyOf(domainReports);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void join(HttpExchange exchange) throws IOException {
        try {
            JoinRequest request = read(exchange, JoinRequest.class);
            joins.add(new ReceivedJoin(request, exchange.getRequestHeaders().getFirst(DaemonProtocol.VERSION_HEADER)));
            if (unavailableJoins.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                problem(exchange, 503, "INTERNAL_ERROR");
                return;
            }
            JoinResponse response = unusedTokens.remove(request.joinToken());
            if (response == null) {
                problem(exchange, 401, "JOIN_TOKEN_INVALID");
                return;
            }
            send(exchange, 200, "application/json", json.writeValueAsBytes(response));
        } finally {
            exchange.close();
        }
    }

    private void heartbeat(HttpExchange exchange) throws IOException {
        try {
            Matcher path = HEARTBEAT.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
                problem(exchange, 404, "NOT_FOUND");
                return;
            }
            UUID hostId = UUID.fromString(path.group(1));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            heartbeats.add(new ReceivedHeartbeat(hostId, authorization, read(exchange, Heartbeat.class)));
            String credential = hostCredentials.get(hostId);
            if (credential == null || !("Bearer " + credential).equals(authorization)) {
                problem(exchange, 401, "SESSION_AUTHENTICATION_FAILED");
                return;
            }
            if (cutOff.contains(hostId)) {
                problem(exchange, 503, "INTERNAL_ERROR");
                return;
            }
            Function<UUID, HaLease> terms = haTerms;
            if (terms == null) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 200, "application/json", json.writeValueAsBytes(new HeartbeatAck(terms.apply(hostId))));
            }
        } finally {
            exchange.close();
        }
    }

    private void domainReport(HttpExchange exchange) throws IOException {
        try {
            DomainReport report = read(exchange, DomainReport.class);
            String credential = hostCredentials.get(report.hostId());
            if (credential == null || !("Bearer " + credential).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "SESSION_AUTHENTICATION_FAILED");
                return;
            }
            domainReports.add(report);
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    private void metricsReport(HttpExchange exchange) throws IOException {
        try {
            MetricsReport report = read(exchange, MetricsReport.class);
            String credential = hostCredentials.get(report.hostId());
            if (credential == null || !("Bearer " + credential).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "SESSION_AUTHENTICATION_FAILED");
                return;
            }
            metricsReports.add(report);
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    private <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return json.readValue(body, type);
        }
    }

    private void problem(HttpExchange exchange, int status, String code) throws IOException {
        byte[] body = json.writeValueAsBytes(Map.of("status", status, "code", code, "parameters", Map.of()));
        send(exchange, status, "application/problem+json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
