package org.xenplane.ha;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.Tokens;
import org.xenplane.ha.fixture.SimulatedPool;
import org.xenplane.ha.fixture.SimulatedPool.SimHost;

/** What the ha tests share: callers, VMs, HA on and off, and the VM's recorded history. */
public final class HaApi {
    public static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    public static final String LINUX_PVH_TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    public static final long MIB = 1L << 20;
    /** T in these tests. */
    public static final int T = 6;
    /** T + the default safety margin (5 s). */
    public static final Duration T_PLUS_MARGIN = Duration.ofSeconds(T + 5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HaApi() {
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String tokenFor(Role role) {
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        QuarkusTransaction.requiringNew().run(() ->
                Credential.create(CallerKind.USER, role.wireName() + "-user", "test " + role.wireName(), role, secret).persist());
        return secret;
    }

    /** A halted pvh VM of {@code memoryMib}, protected as given (null: not protected); returns its id. */
    public static String vm(String name, long memoryMib, String priority, int order, int startDelaySeconds) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", LINUX_PVH_TEMPLATE);
        body.put("name", name);
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", memoryMib * MIB);
        body.put("memoryDynamicMin", memoryMib * MIB);
        body.put("memoryDynamicMax", memoryMib * MIB);
        body.put("vcpusMax", 1);
        body.put("vcpusAtStartup", 1);
        String id = asAdmin().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
        if (priority != null) {
            asAdmin().body(Map.of("restartPriority", priority, "order", order, "startDelaySeconds", startDelaySeconds))
                    .put("/api/v1/vms/" + id + "/ha").then().statusCode(200);
        }
        return id;
    }

    public static void startOn(String vmId, SimHost host) {
        String task = asAdmin().body(Map.of("host", host.hostId().toString())).post("/api/v1/vms/" + vmId + "/start-on")
                .then().statusCode(202).extract().path("id");
        assertThat(asAdmin().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200).extract().<String>path("status"))
                .isEqualTo("success");
    }

    public static JsonPath vmView(String id) {
        return asAdmin().get("/api/v1/vms/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath ha() {
        return asAdmin().get("/api/v1/ha").then().statusCode(200).extract().jsonPath();
    }

    /** Enables HA with T, then waits until every host holds a lease granted after that (three enabled acks). */
    public static void enableHa(SimulatedPool pool) {
        asAdmin().body(Map.of("timeoutSeconds", T, "hostFailuresToTolerate", 1)).post("/api/v1/ha/enable")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> pool.hosts().stream().allMatch(h -> pool.enabledAcks(h) >= 3));
    }

    public static void disableHa() {
        if (ha().getBoolean("enabled")) {
            asAdmin().post("/api/v1/ha/disable").then().statusCode(200);
        }
    }

    /**
     * Halts the VMs that still run, so that the test leaves no VM on hosts it forgets: a VM on a host
     * that is not live is reset (its domain is gone with the host), any other is shut down.
     */
    public static void haltAll(List<String> vmIds) {
        for (String id : vmIds) {
            String state = vmView(id).getString("powerState");
            if ("halted".equals(state)) {
                continue;
            }
            if (asAdmin().body(Map.of("force", true)).post("/api/v1/vms/" + id + "/reset-power-state").statusCode() != 200) {
                String task = asAdmin().post("/api/v1/vms/" + id + "/hard-shutdown").then().statusCode(202).extract().path("id");
                asAdmin().get("/api/v1/tasks/" + task + "?wait=60").then().statusCode(200);
            }
        }
    }

    /** What the invariant checker reports about these objects (the module's tests share one database). */
    public static List<Map<String, Object>> inconsistenciesAbout(List<String> ids) {
        List<Map<String, Object>> all = asAdmin().get("/api/v1/pool/invariants").then().statusCode(200).extract()
                .jsonPath().getList("");
        return all.stream().filter(i -> ids.contains((String) i.get("objectId"))
                || ids.stream().anyMatch(id -> String.valueOf(i.get("detail")).contains(id))).toList();
    }

    /** Waits, by the clock, until {@code silentFor} has passed since {@code since}: a host's silence is what is awaited. */
    public static void awaitSilence(Instant since, Duration silentFor) {
        await().atMost(silentFor.plusSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().isAfter(since.plus(silentFor)));
    }

    /** Every VM snapshot the event outbox holds for the VM, oldest first: its recorded history. */
    public static List<JsonNode> history(EntityManager em, String vmId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(snapshot as text) from event where object_class = 'vm' and object_id = ?1 order by id")
                .setParameter(1, UUID.fromString(vmId)).getResultList());
        List<JsonNode> snapshots = new ArrayList<>();
        for (Object row : rows) {
            try {
                snapshots.add(JSON.readTree((String) row));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return snapshots;
    }

    /**
     * Asserts that the VM was never recorded running on two hosts: between any two snapshots that
     * place it on different hosts, one records it halted (reset) first.
     */
    public static void assertNeverOnTwoHosts(EntityManager em, String vmId) {
        String host = null;
        for (JsonNode s : history(em, vmId)) {
            String resident = s.path("residentOn").isNull() || s.path("residentOn").isMissingNode() ? null : s.path("residentOn").asText();
            if (resident != null && host != null && !resident.equals(host)) {
                throw new AssertionError("VM " + vmId + " recorded on " + resident + " while still on " + host);
            }
            host = resident;
        }
    }

    public static List<Map<String, Object>> messages(String name, String objectId) {
        return asAdmin().get("/api/v1/messages").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                .stream().filter(m -> name.equals(m.get("name")) && objectId.equals(m.get("objectId"))).toList();
    }
}
