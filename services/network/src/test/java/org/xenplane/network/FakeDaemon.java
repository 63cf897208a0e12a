package org.xenplane.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.HostInterface;
import org.xenplane.daemon.protocol.network.InterfaceKind;
import org.xenplane.daemon.protocol.network.InterfaceReport;
import org.xenplane.daemon.protocol.network.IpConfig;

/**
 * Host daemons' network API for the service's tests, on the JDK's HTTP server: each host (by
 * local key) has NICs a test sets, the bridges the control plane put, and the calls it received.
 * It checks each call's credential, and a test can make a host refuse its next change. The real
 * daemon and its drivers are tested in host-daemon/agent and in the server's scenario tests.
 */
public final class FakeDaemon implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/daemon/v1/hosts/([^/]+)/network(/.*)");

    /** One received call. */
    public record Call(String host, String method, String path, String body, String operationId) {
    }

    /** One host as the fake models it. */
    public static final class Host {
        public final List<HostInterface> nics = new CopyOnWriteArrayList<>();
        public final Map<String, BridgeSpec> bridges = new ConcurrentHashMap<>();
        public final Map<String, IpConfig> addresses = new ConcurrentHashMap<>();
        volatile String credential;
        volatile String refuseNextChange;
        volatile Hold holdNextChange;

        public void nic(String name, String mac, int mtu, boolean management) {
            nics.removeIf(n -> n.name().equals(name));
            nics.add(new HostInterface(name, InterfaceKind.ETHERNET, mac, mtu, true, null, null, null, null, List.of(),
                    List.of(), true, management));
        }
    }

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final HttpServer server;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public FakeDaemon() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/daemon/v1/hosts/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** The daemon URL of a host. */
    public String url(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/daemon/v1/hosts/" + key;
    }

    /** A host with NICs eth0 (management), eth1 and eth2, accepting only this credential. */
    public Host host(String key, String credential) {
        Host host = hosts.computeIfAbsent(key, k -> new Host());
        host.credential = credential;
        if (host.nics.isEmpty()) {
            for (int i = 0; i < 3; i++) {
                host.nic("eth" + i, String.format("02:00:%02x:00:00:%02x", Math.abs(key.hashCode()) % 256, i), 1500, i == 0);
            }
        }
        return host;
    }

    public Host host(String key) {
        return hosts.get(key);
    }

    /** The host's next PUT or DELETE is answered with this problem code instead. */
    public void refuseNextChange(String key, String code) {
        hosts.get(key).refuseNextChange = code;
    }

    /** A change held back at the fake: the test awaits its arrival, looks around, then releases it. */
    public static final class Hold {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        public boolean hasArrived() {
            return arrived.getCount() == 0;
        }

        public void release() {
            released.countDown();
        }
    }

    /** The host's next PUT or DELETE waits at the fake until the test releases it. */
    public Hold holdNextChange(String key) {
        Hold hold = new Hold();
        hosts.get(key).holdNextChange = hold;
        return hold;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String key, String method) {
        return calls.stream().filter(c -> c.host().equals(key) && c.method().equals(method)).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            Host host = m.matches() ? hosts.get(m.group(1)) : null;
            if (host == null) {
                problem(exchange, 404, "HANDLE_INVALID", Map.of("class", "host", "id", "?"));
                return;
            }
            if (!("Bearer " + host.credential).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "SESSION_AUTHENTICATION_FAILED", Map.of());
                return;
            }
            String key = m.group(1);
            String path = m.group(2);
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(key, method, path, body, exchange.getRequestHeaders().getFirst(DaemonProtocol.OPERATION_ID_HEADER)));
            Hold hold = method.equals("GET") ? null : host.holdNextChange;
            if (hold != null) {
                host.holdNextChange = null;
                hold.arrived.countDown();
                awaitRelease(hold);
            }
            if (!method.equals("GET") && host.refuseNextChange != null) {
                String code = host.refuseNextChange;
                host.refuseNextChange = null;
                refuse(exchange, key, code);
                return;
            }
            answer(exchange, host, method, path, body);
        }
    }

    private void answer(HttpExchange exchange, Host host, String method, String path, String body) throws IOException {
        if (method.equals("GET") && path.equals("/interfaces")) {
            List<HostInterface> all = new ArrayList<>(host.nics);
            host.bridges.forEach((name, spec) -> all.add(new HostInterface(name, InterfaceKind.BRIDGE, "02:ff:00:00:00:01",
                    spec.mtu(), true, null, null, null, null, List.of(), List.of(), false, false)));
            send(exchange, 200, json.writeValueAsBytes(new InterfaceReport("fake", all)), "application/json");
        } else if (path.startsWith("/bridges/")) {
            String bridge = path.substring("/bridges/".length());
            if (method.equals("PUT")) {
                host.bridges.put(bridge, json.readValue(body, BridgeSpec.class));
            } else {
                host.bridges.remove(bridge);
            }
            send(exchange, 204, null, null);
        } else if (path.startsWith("/devices/") && method.equals("PUT")) {
            host.addresses.put(path.split("/")[2], json.readValue(body, IpConfig.class));
            send(exchange, 204, null, null);
        } else {
            send(exchange, 204, null, null);
        }
    }

    private static void awaitRelease(Hold hold) {
        try {
            if (!hold.released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held change was not released within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refuse(HttpExchange exchange, String key, String code) throws IOException {
        switch (code) {
            case "DEVICE_BUSY" -> problem(exchange, 409, code, Map.of("host", key, "device", "eth1", "reason", "is a port of br9"));
            case "BRIDGE_IN_USE" -> problem(exchange, 409, code, Map.of("host", key, "bridge", "x", "reason", "VIF ports [vif1.0]"));
            case "NETWORK_BACKEND_FAILURE" -> problem(exchange, 502, code, Map.of("host", key, "detail", "ip: exit 2"));
            default -> problem(exchange, 500, code, Map.of());
        }
    }

    private void problem(HttpExchange exchange, int status, String code, Map<String, String> parameters) throws IOException {
        send(exchange, status, json.writeValueAsBytes(Map.of("type", "urn:xenplane:error:" + code, "title", code,
                "status", status, "code", code, "parameters", parameters)), "application/problem+json");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
