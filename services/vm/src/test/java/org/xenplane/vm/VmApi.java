package org.xenplane.vm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.Tokens;

/** Shortcuts for calling the VM API in tests. */
public final class VmApi {
    public static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    public static final String LINUX_PVH_TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    public static final String HVM_TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000003";
    public static final long MIB = 1L << 20;
    /** What a small test VM (256 MiB, 1 vCPU, pvh) reserves on a host: its memory plus its domain overhead. */
    public static final long SMALL_VM_NEEDS = 256 * MIB + MIB + MIB + 2 * MIB;

    private VmApi() {
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A new user token with {@code role}. */
    public static String tokenFor(Role role) {
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        QuarkusTransaction.requiringNew().run(() ->
                Credential.create(CallerKind.USER, role.wireName() + "-user", "test " + role.wireName(), role, secret).persist());
        return secret;
    }

    /** A halted pvh VM from the Linux template with 256 MiB and 1 vCPU; returns its id. */
    public static String smallVm(String name) {
        return asAdmin().body(smallVmBody(name)).post("/api/v1/vms").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> smallVmBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", LINUX_PVH_TEMPLATE);
        body.put("name", name);
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", 256 * MIB);
        body.put("memoryDynamicMin", 256 * MIB);
        body.put("memoryDynamicMax", 256 * MIB);
        body.put("vcpusMax", 1);
        body.put("vcpusAtStartup", 1);
        return body;
    }

    public static JsonPath vm(String id) {
        return asAdmin().get("/api/v1/vms/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Posts a long operation, expects 202, waits for its task and returns the finished task. */
    public static JsonPath runLong(String vmId, String operation, Object body) {
        Response accepted = post(vmId, operation, body);
        assertThat(accepted.statusCode()).as("%s answered %s", operation, accepted.asString()).isEqualTo(202);
        return awaitTask(accepted.jsonPath().getString("id"));
    }

    /** Like {@link #runLong}, and the task must have succeeded. */
    public static JsonPath succeed(String vmId, String operation, Object body) {
        JsonPath task = runLong(vmId, operation, body);
        assertThat(task.getString("status")).as("task of %s: %s", operation, task.prettify()).isEqualTo("success");
        return task;
    }

    public static Response post(String vmId, String operation, Object body) {
        RequestSpecification request = asAdmin();
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/api/v1/vms/" + vmId + "/" + operation);
    }

    public static JsonPath awaitTask(String taskId) {
        return asAdmin().get("/api/v1/tasks/" + taskId + "?wait=60").then().statusCode(200).extract().jsonPath();
    }

    /**
     * What the invariant checker ({@code GET /api/v1/pool/invariants}) reports about these objects:
     * inconsistencies whose object is one of them or whose detail names one (a task's target). The
     * test database is shared by the module's test classes, so a test asks about what it touched.
     */
    public static List<Map<String, Object>> inconsistenciesAbout(Collection<String> ids) {
        List<Map<String, Object>> all = asAdmin().get("/api/v1/pool/invariants").then().statusCode(200).extract()
                .jsonPath().getList("");
        return all.stream().filter(i -> ids.contains((String) i.get("objectId"))
                || ids.stream().anyMatch(id -> ((String) i.get("detail")).contains(id))).toList();
    }

    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
