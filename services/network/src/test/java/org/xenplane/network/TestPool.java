package org.xenplane.network;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.daemon.DaemonCredentials;

/**
 * A pool for the network service's tests: hosts join through the real pool API (their daemon is
 * the {@link FakeDaemon}), and helpers for calls and tasks. Each test names its own hosts and NICs,
 * so that tests sharing the database do not see each other's.
 */
final class TestPool {
    static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    static final FakeDaemon DAEMON = start();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPool() {
    }

    private static FakeDaemon start() {
        try {
            return new FakeDaemon();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name no other test uses, e.g. {@code h3f9a1c}. */
    static String unique(String prefix) {
        return prefix + HexFormat.of().formatHex(RANDOM.generateSeed(3));
    }

    static RequestSpecification admin() {
        return as(ADMIN_TOKEN);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json").accept("application/json");
    }

    /** A host that joined the pool; its fake daemon has the given NICs (the first one its management NIC). */
    static UUID join(DaemonCredentials credentials, String name, String... nics) {
        String token = admin().body("{}").post("/api/v1/pool/join-tokens").then().statusCode(201).extract().path("token");
        String id = admin().body(Map.of("joinToken", token, "hostname", name, "address", "127.0.0.1",
                        "daemonUrl", DAEMON.url(name),
                        "facts", Map.of("cpuCount", 4, "memoryTotal", 1L << 33, "memoryFree", 1L << 32, "softwareVersions", Map.of())))
                .post("/api/v1/pool/join").then().statusCode(200).extract().path("hostId");
        UUID hostId = UUID.fromString(id);
        FakeDaemon.Host host = DAEMON.host(name, credentials.forHost(hostId));
        if (nics.length > 0) {
            host.nics.clear();
            for (int i = 0; i < nics.length; i++) {
                host.nic(nics[i], String.format("02:%02x:00:00:00:%02x", Math.abs(name.hashCode()) % 256, i), 1500, i == 0);
            }
        }
        return hostId;
    }

    /** Scans the host and returns its PIFs by device. */
    static Map<String, JsonPath> scan(UUID hostId) {
        List<Map<String, Object>> pifs = admin().body(Map.of("hostId", hostId.toString())).post("/api/v1/pifs/scan")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, JsonPath> byDevice = new java.util.TreeMap<>();
        for (Map<String, Object> pif : pifs) {
            String key = pif.get("device") + ((Integer) pif.get("vlanTag") >= 0 ? "." + pif.get("vlanTag") : "");
            byDevice.put(key, admin().get("/api/v1/pifs/" + pif.get("id")).then().extract().jsonPath());
        }
        return byDevice;
    }

    /** Waits for a task to finish and returns it. */
    static JsonPath finished(String taskId) {
        return admin().get("/api/v1/tasks/" + taskId + "?wait=60").then().statusCode(200).extract().jsonPath();
    }

    /** Creates a host-internal network. */
    static JsonPath network(String name) {
        return admin().body(Map.of("name", name)).post("/api/v1/networks").then().statusCode(201).extract().jsonPath();
    }
}
