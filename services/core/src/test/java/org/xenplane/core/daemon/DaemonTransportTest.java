package org.xenplane.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.network.NetworkProtocol;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.daemon.protocol.storage.StorageProtocol;
import org.xenplane.daemon.protocol.storage.VolumeInfo;

/**
 * The link's one policy (retries, timeouts, error mapping, streams) against a real HTTP server on
 * the loopback, answering as a daemon would, or dropping connections as a restarting one does.
 */
class DaemonTransportTest {
    private static final UUID HOST_ID = UUID.fromString("6a1f2d3e-0000-4000-8000-000000000001");
    private static final UUID VM_ID = UUID.fromString("6a1f2d3e-0000-4000-8000-000000000002");
    private static final String LOCAL = "/daemon/v1/hosts/xen1";

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile Answer answer;

    record Seen(String method, String path, String operationId, String authorization, byte[] body) {
    }

    interface Answer {
        void to(HttpExchange exchange, int call) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst(DaemonProtocol.OPERATION_ID_HEADER),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            answer.to(exchange, seen.size());
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aChangeWhoseConnectionDropsIsSentAgainWithTheSameOperationId() {
        answer = (exchange, call) -> {
            if (call == 1) {
                exchange.close(); // the daemon went away before answering
            } else {
                json(exchange, 200, "{\"generation\": 7}");
            }
        };
        DomainResult result = domains(transport(3, Duration.ofSeconds(5))).pause("task-1/pause", VM_ID);

        assertThat(result.generation()).isEqualTo(7);
        assertThat(seen).hasSize(2).allSatisfy(s -> {
            assertThat(s.method()).isEqualTo("POST");
            assertThat(s.path()).isEqualTo(LOCAL + "/domains/" + VM_ID + "/pause");
            assertThat(s.operationId()).isEqualTo("task-1/pause");
            assertThat(s.authorization()).isEqualTo("Bearer xpc_test");
        });
    }

    @Test
    void aChangeWithoutOperationIdIsNotSentTwice() {
        answer = (exchange, call) -> exchange.close();
        DaemonTransport transport = transport(3, Duration.ofSeconds(5));

        assertThatThrownBy(() -> transport.send(host(), new DaemonRequest("POST", "/anything", null, null,
                DaemonRequest.Budget.QUICK, Duration.ZERO), Void.class))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOST_OFFLINE));
        assertThat(seen).hasSize(1);
    }

    @Test
    void aDaemonThatCannotBeReachedIsHostOfflineAfterEveryAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HostRef gone = new HostRef(HOST_ID, "xen1", "http://127.0.0.1:" + closedPort + LOCAL, true, true, 0);

        assertThatThrownBy(() -> new DomainDaemonClient(transport(2, Duration.ofSeconds(5))).host(gone).domains())
                .isInstanceOfSatisfying(XenplaneException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.HOST_OFFLINE);
                    assertThat(e.parameters()).containsEntry("host", HOST_ID.toString());
                });
    }

    @Test
    void aDaemonThatDoesNotAnswerInTimeIsHostOfflineWithoutRetry() {
        answer = (exchange, call) -> {
            awaitRelease();
            exchange.close();
        };

        assertThatThrownBy(() -> domains(transport(3, Duration.ofMillis(300))).pause("task-2/pause", VM_ID))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOST_OFFLINE));
        assertThat(seen).hasSize(1);
    }

    @Test
    void aClientErrorOfTheDaemonPassesOnWithTheHostsId() {
        answer = (exchange, call) -> json(exchange, 409, "{\"code\": \"BRIDGE_IN_USE\", \"parameters\": "
                + "{\"host\": \"xen1\", \"bridge\": \"xpbr1\", \"reason\": \"2 ports\"}}");
        NetworkDaemonClient network = new NetworkDaemonClient(transport(3, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> network.removeBridge(host(), "xpbr1", "task-3/bridge"))
                .isInstanceOfSatisfying(XenplaneException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BRIDGE_IN_USE);
                    assertThat(e.parameters()).isEqualTo(Map.of("host", HOST_ID.toString(), "bridge", "xpbr1",
                            "reason", "2 ports"));
                });
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo(LOCAL + DaemonProtocol.expand(NetworkProtocol.BRIDGE, "xpbr1"));
            assertThat(s.operationId()).isEqualTo("task-3/bridge");
        });
    }

    @Test
    void aHypervisorErrorNamesTheHostFirst() {
        answer = (exchange, call) -> json(exchange, 409, "{\"code\": \"HYPERVISOR_ERROR\", \"parameters\": "
                + "{\"error\": \"ERROR_NOMEM\", \"function\": \"libxl_domain_create_new\", \"detail\": \"out of memory\"}}");

        assertThatThrownBy(() -> domains(transport(3, Duration.ofSeconds(5))).unpause("task-4/unpause", VM_ID))
                .isInstanceOfSatisfying(XenplaneException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.HYPERVISOR_ERROR);
                    assertThat(e.parameters()).containsEntry("host", HOST_ID.toString())
                            .containsEntry("error", "ERROR_NOMEM").containsEntry("function", "libxl_domain_create_new");
                });
    }

    @Test
    void faultsOfTheLinkAndUnknownAnswersAreHostDaemonErrors() {
        DaemonTransport transport = transport(3, Duration.ofSeconds(5));
        answer = (exchange, call) -> json(exchange, 400, "{\"code\": \"INVALID_FIELD\", \"parameters\": "
                + "{\"field\": \"mtu\", \"reason\": \"wrong type or shape\"}, \"detail\": \"mtu\"}");
        assertThatThrownBy(() -> new NetworkDaemonClient(transport).interfaces(host()))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOST_DAEMON_ERROR));
        answer = (exchange, call) -> json(exchange, 500, "<html>oops</html>");
        assertThatThrownBy(() -> new NetworkDaemonClient(transport).interfaces(host()))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOST_DAEMON_ERROR));
        answer = (exchange, call) -> json(exchange, 503, "");
        assertThatThrownBy(() -> new NetworkDaemonClient(transport).interfaces(host()))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOST_OFFLINE));
    }

    @Test
    void aDisksContentStreamsBothWays() throws IOException {
        byte[] image = "qcow2 image bytes".getBytes(StandardCharsets.UTF_8);
        UUID sr = UUID.randomUUID();
        UUID vdi = UUID.randomUUID();
        answer = (exchange, call) -> {
            if (exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, image.length);
                exchange.getResponseBody().write(image);
                exchange.close();
            } else {
                json(exchange, 200, "{\"id\": \"" + vdi + "\", \"virtualSize\": 1048576}");
            }
        };
        StorageDaemonClient storage = new StorageDaemonClient(transport(3, Duration.ofSeconds(5)));

        try (DaemonTransport.Download download = storage.export(host(), sr, vdi, ImageFormat.QCOW2)) {
            assertThat(download.length()).isEqualTo(image.length);
            assertThat(download.body().readAllBytes()).isEqualTo(image);
        }
        InputStream upload = new ByteArrayInputStream(image);
        VolumeInfo imported = storage.importContent(host(), sr, vdi, ImageFormat.RAW, image.length, upload, "task-5/import");

        assertThat(imported.id()).isEqualTo(vdi);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).path()).isEqualTo(LOCAL + DaemonProtocol.expand(StorageProtocol.VOLUME_CONTENT, sr, vdi));
        assertThat(seen.get(1).body()).isEqualTo(image);
        assertThat(seen.get(1).operationId()).isEqualTo("task-5/import");
    }

    private DaemonHost domains(DaemonTransport transport) {
        return new DomainDaemonClient(transport).host(host());
    }

    private HostRef host() {
        return new HostRef(HOST_ID, "xen1", "http://127.0.0.1:" + server.getAddress().getPort() + LOCAL, true, true, 0);
    }

    private static DaemonTransport transport(int attempts, Duration requestTimeout) {
        return new DaemonTransport(new TestCredentials(), new ObjectMapper(), new Config(attempts, requestTimeout));
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** The credential a test presents: the real one derives from the pool secret in the database. */
    private static final class TestCredentials extends DaemonCredentials {
        TestCredentials() {
            super(null);
        }

        @Override
        public String forHost(UUID hostId) {
            return PREFIX + "test";
        }
    }

    private record Config(int attempts, Duration requestTimeout) implements DaemonClientConfig {
        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration diskTimeout() {
            return requestTimeout;
        }

        @Override
        public Duration transferTimeout() {
            return requestTimeout;
        }
    }
}
