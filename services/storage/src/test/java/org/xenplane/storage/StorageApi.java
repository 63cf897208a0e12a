package org.xenplane.storage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Shortcuts for calling the storage API in tests. */
public final class StorageApi {
    public static final String ADMIN_TOKEN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";
    public static final long MIB = 1024 * 1024;

    private StorageApi() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static UUID fileSr(UUID hostId, Path path) {
        return UUID.fromString(asAdmin().body(Map.of("name", "local", "type", "file", "hostId", hostId,
                        "deviceConfig", Map.of("path", path.toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().path("id"));
    }

    public static UUID vdi(UUID srId, long size) {
        return UUID.fromString(asAdmin().body(Map.of("srId", srId, "name", "disk", "virtualSize", size))
                .post("/api/v1/vdis").then().statusCode(201).extract().path("id"));
    }

    public static JsonPath getVdi(UUID id) {
        return asAdmin().get("/api/v1/vdis/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static UUID vbd(UUID vmId, UUID vdiId, int userdevice, String mode) {
        Map<String, Object> body = new HashMap<>(Map.of("vmId", vmId, "userdevice", userdevice, "mode", mode));
        body.put("vdiId", vdiId);
        return UUID.fromString(asAdmin().body(body).post("/api/v1/vbds").then().statusCode(201).extract().path("id"));
    }

    /** Follows a 202's task to its end and answers it. */
    public static JsonPath awaitTask(String taskId) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = asAdmin().get("/api/v1/tasks/" + taskId + "?wait=5").then().extract().jsonPath();
            String status = last[0].getString("status");
            return !"pending".equals(status) && !"cancelling".equals(status);
        });
        return last[0];
    }
}
