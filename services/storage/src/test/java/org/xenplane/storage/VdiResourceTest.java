package org.xenplane.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;
import static org.xenplane.storage.StorageApi.awaitTask;
import static org.xenplane.storage.StorageApi.getVdi;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * VDIs on {@code file} SRs through the whole stack: the REST API, tasks, the database, the typed
 * daemon client, and the real host daemon with the real qemu-img.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VdiResourceTest {
    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;

    private RealDaemon daemon;
    private Path srPath;
    private UUID sr;

    @BeforeEach
    void fileSrOnHost1() {
        daemon = RealDaemon.start(credentials, em);
        srPath = daemon.newSrPath();
        sr = StorageApi.fileSr(daemon.host(1), srPath);
    }

    @Test
    void createMakesAThinQcow2FileAndCountsItsVirtualSize() {
        UUID vdi = StorageApi.vdi(sr, 64 * MIB);
        JsonPath v = getVdi(vdi);
        assertThat(v.getLong("virtualSize")).isEqualTo(64 * MIB);
        assertThat(v.getInt("chainDepth")).isEqualTo(1);
        assertThat(v.getList("allowedOperations", String.class)).contains("destroy", "snapshot", "clone", "copy", "resize");
        assertThat(srPath.resolve(vdi + ".qcow2")).exists();
        assertThat(asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("virtualAllocation"))
                .isEqualTo(64 * MIB);
    }

    @Test
    void snapshotsGrowTheChainAndDeletingThemCoalescesItBack() throws Exception {
        UUID vdi = StorageApi.vdi(sr, 8 * MIB);
        UUID snap1 = id(asAdmin().body(Map.of("name", "s1")).post("/api/v1/vdis/" + vdi + "/snapshot").then().statusCode(201)
                .body("isSnapshot", equalTo(true)).body("snapshotOf", equalTo(vdi.toString())).body("readOnly", equalTo(true))
                .extract().path("id"));
        UUID snap2 = id(asAdmin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/snapshot").then().statusCode(201)
                .extract().path("id"));
        assertThat(getVdi(vdi).getInt("chainDepth")).isEqualTo(3);
        assertThat(hiddenBases()).hasSize(2);

        asAdmin().delete("/api/v1/vdis/" + snap2).then().statusCode(204);
        assertThat(getVdi(vdi).getInt("chainDepth")).isEqualTo(2);
        asAdmin().delete("/api/v1/vdis/" + snap1).then().statusCode(204);
        assertThat(getVdi(vdi).getInt("chainDepth")).isEqualTo(1);
        assertThat(getVdi(vdi).getString("parentId")).isNull();
        assertThat(hiddenBases()).isEmpty();
        assertThat(qcow2Files()).containsExactly(vdi + ".qcow2");
    }

    @Test
    void aCloneIsWritableAndIndependentAndDestroyingTheOriginalKeepsIt() throws Exception {
        UUID vdi = StorageApi.vdi(sr, 8 * MIB);
        UUID clone = id(asAdmin().body(Map.of("name", "c")).post("/api/v1/vdis/" + vdi + "/clone").then().statusCode(201)
                .body("isSnapshot", equalTo(false)).body("readOnly", equalTo(false)).body("chainDepth", equalTo(2))
                .extract().path("id"));
        asAdmin().delete("/api/v1/vdis/" + vdi).then().statusCode(204);
        assertThat(getVdi(clone).getInt("chainDepth")).isEqualTo(1);
        assertThat(qcow2Files()).containsExactly(clone + ".qcow2");
    }

    @Test
    void importAndExportRoundTripIsByteIdenticalInRawAndQcow2() {
        UUID vdi = StorageApi.vdi(sr, 2 * MIB);
        byte[] data = new byte[(int) (2 * MIB)];
        new Random(1).nextBytes(data);
        given().auth().oauth2(StorageApi.ADMIN_TOKEN).contentType("application/octet-stream").body(data)
                .put("/api/v1/vdis/" + vdi + "/content?format=raw").then().log().ifValidationFails().statusCode(200)
                .header("Xenplane-Task", org.hamcrest.Matchers.notNullValue());
        assertThat(export(vdi, "raw")).isEqualTo(data);
        byte[] qcow2 = export(vdi, "qcow2");
        assertThat(new String(qcow2, 0, 3)).isEqualTo("QFI");
        UUID other = StorageApi.vdi(sr, 2 * MIB);
        given().auth().oauth2(StorageApi.ADMIN_TOKEN).contentType("application/octet-stream").body(qcow2)
                .put("/api/v1/vdis/" + other + "/content?format=qcow2").then().statusCode(200);
        assertThat(export(other, "raw")).isEqualTo(data);
    }

    @Test
    void anImageLargerThanTheVdiIsRefusedWithVdiTooSmall() {
        UUID vdi = StorageApi.vdi(sr, MIB);
        given().auth().oauth2(StorageApi.ADMIN_TOKEN).contentType("application/octet-stream").body(new byte[(int) (2 * MIB)])
                .put("/api/v1/vdis/" + vdi + "/content?format=raw").then().statusCode(400)
                .body("code", equalTo("VDI_TOO_SMALL"));
        given().auth().oauth2(StorageApi.ADMIN_TOKEN).contentType("application/octet-stream").body("not an image".getBytes())
                .put("/api/v1/vdis/" + vdi + "/content?format=qcow2").then().statusCode(400)
                .body("code", equalTo("VDI_CONTENT_INVALID"));
        assertThat(getVdi(vdi).getString("currentOperation")).isNull();
    }

    @Test
    void copyToAnSrOnAnotherHostStreamsThroughTheControlPlane() {
        UUID vdi = StorageApi.vdi(sr, 2 * MIB);
        byte[] data = new byte[(int) (2 * MIB)];
        new Random(2).nextBytes(data);
        given().auth().oauth2(StorageApi.ADMIN_TOKEN).contentType("application/octet-stream").body(data)
                .put("/api/v1/vdis/" + vdi + "/content?format=raw").then().log().ifValidationFails().statusCode(200);
        UUID remoteSr = StorageApi.fileSr(daemon.host(2), daemon.newSrPath());
        String task = asAdmin().body(Map.of("srId", remoteSr, "name", "copy")).post("/api/v1/vdis/" + vdi + "/copy")
                .then().statusCode(202).extract().path("id");
        JsonPath done = awaitTask(task);
        assertThat(done.getString("status")).isEqualTo("success");
        UUID copy = UUID.fromString(done.getString("result.id"));
        assertThat(getVdi(copy).getString("srId")).isEqualTo(remoteSr.toString());
        assertThat(export(copy, "raw")).isEqualTo(data);
        String local = asAdmin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/copy").then().statusCode(202).extract().path("id");
        assertThat(export(UUID.fromString(awaitTask(local).getString("result.id")), "raw")).isEqualTo(data);
    }

    @Test
    void resizeGrowsAndRefusesToShrink() {
        UUID vdi = StorageApi.vdi(sr, 4 * MIB);
        String grow = asAdmin().body(Map.of("virtualSize", 8 * MIB)).post("/api/v1/vdis/" + vdi + "/resize")
                .then().statusCode(202).extract().path("id");
        assertThat(awaitTask(grow).getString("status")).isEqualTo("success");
        assertThat(getVdi(vdi).getLong("virtualSize")).isEqualTo(8 * MIB);
        String shrink = asAdmin().body(Map.of("virtualSize", 2 * MIB)).post("/api/v1/vdis/" + vdi + "/resize")
                .then().statusCode(202).extract().path("id");
        JsonPath failed = awaitTask(shrink);
        assertThat(failed.getString("status")).isEqualTo("failure");
        assertThat(failed.getString("error.code")).isEqualTo("OPERATION_NOT_ALLOWED");
    }

    @Test
    void createBeyondTheSrsCapacityIsSrFull() {
        long physical = asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("physicalSize");
        long tooBig = (physical / 512 + 1) * 512;
        asAdmin().body(Map.of("srId", sr, "name", "big", "virtualSize", tooBig)).post("/api/v1/vdis")
                .then().statusCode(409).body("code", equalTo("SR_FULL"));
        UUID vdi = StorageApi.vdi(sr, MIB);
        String resize = asAdmin().body(Map.of("virtualSize", tooBig)).post("/api/v1/vdis/" + vdi + "/resize")
                .then().statusCode(202).extract().path("id");
        assertThat(awaitTask(resize).getString("error.code")).isEqualTo("SR_FULL");
    }

    @Test
    void badSizesAreRefusedWithCodes() {
        for (Object size : List.of(-1, 0, 1000, Long.MAX_VALUE, 70368744177664L + 512)) {
            asAdmin().body(Map.of("srId", sr, "name", "x", "virtualSize", size)).post("/api/v1/vdis")
                    .then().statusCode(400).body("code", equalTo("INVALID_FIELD")).body("parameters.field", equalTo("virtualSize"));
        }
        asAdmin().body(Map.of("srId", sr, "name", "x", "virtualSize", "1e30")).post("/api/v1/vdis").then().statusCode(400);
        asAdmin().body(Map.of("srId", sr, "name", "x", "virtualSize", 99999999999999999999.0)).post("/api/v1/vdis")
                .then().statusCode(400);
    }

    @Test
    void aFailingQemuImgLeavesNoOrphanFileAndNoRecord() throws Exception {
        UUID vdi = StorageApi.vdi(sr, MIB);
        List<String> files = qcow2Files();
        int records = asAdmin().get("/api/v1/vdis?sr=" + sr).then().extract().jsonPath().getList("id").size();
        new ProcessBuilder("chattr", "+i", srPath.toString()).inheritIO().start().waitFor();
        try {
            asAdmin().body(Map.of("srId", sr, "name", "x", "virtualSize", MIB)).post("/api/v1/vdis")
                    .then().statusCode(502).body("code", equalTo("SR_BACKEND_FAILURE"));
            asAdmin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/snapshot")
                    .then().statusCode(502).body("code", equalTo("SR_BACKEND_FAILURE"));
        } finally {
            new ProcessBuilder("chattr", "-i", srPath.toString()).inheritIO().start().waitFor();
        }
        assertThat(qcow2Files()).isEqualTo(files);
        assertThat(asAdmin().get("/api/v1/vdis?sr=" + sr).then().extract().jsonPath().getList("id")).hasSize(records);
        assertThat(getVdi(vdi).getInt("chainDepth")).isEqualTo(1);
        assertThat(asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("virtualAllocation")).isEqualTo(MIB);
    }

    @Test
    void scanAdoptsVolumesMadeOutsideAndForgetsVanishedOnes() throws Exception {
        UUID gone = StorageApi.vdi(sr, MIB);
        UUID outside = UUID.randomUUID();
        new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", srPath.resolve(outside + ".qcow2").toString(), "1M")
                .inheritIO().start().waitFor();
        Files.delete(srPath.resolve(gone + ".qcow2"));
        asAdmin().post("/api/v1/srs/" + sr + "/scan").then().statusCode(200);
        assertThat(getVdi(outside).getLong("virtualSize")).isEqualTo(MIB);
        asAdmin().get("/api/v1/vdis/" + gone).then().statusCode(404);
        assertThat(asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("virtualAllocation")).isEqualTo(MIB);
    }

    @Test
    void aVdiHeldByALongOperationRefusesOthers() {
        UUID vdi = StorageApi.vdi(sr, MIB);
        em.getEntityManagerFactory();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update vdi set current_operation = 'copy' where id = ?1").setParameter(1, vdi).executeUpdate());
        asAdmin().delete("/api/v1/vdis/" + vdi).then().statusCode(409).body("code", equalTo("OTHER_OPERATION_IN_PROGRESS"));
        assertThat(getVdi(vdi).getList("allowedOperations")).isEmpty();
    }

    @Test
    void everyChangeIsAnEventAndARepeatedIdempotencyKeyCreatesOnce() {
        String token = asAdmin().get("/api/v1/events").then().extract().path("token").toString();
        Map<String, Object> body = Map.of("srId", sr, "name", "once", "virtualSize", MIB);
        String first = asAdmin().header("Idempotency-Key", "create-" + sr).body(body).post("/api/v1/vdis")
                .then().statusCode(201).extract().path("id");
        String again = asAdmin().header("Idempotency-Key", "create-" + sr).body(body).post("/api/v1/vdis")
                .then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(qcow2FilesUnchecked()).hasSize(1);
        JsonPath events = asAdmin().get("/api/v1/events?from=" + token + "&classes=vdi,sr&timeout=5").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("events.findAll { it.class == 'vdi' && it.operation == 'add' }.ref")).containsExactly(first);
        assertThat(events.getList("events.findAll { it.class == 'sr' }.snapshot.virtualAllocation", Long.class)).contains(MIB);
    }

    @Test
    void anImportWithoutAContentLengthIsLengthRequired() throws Exception {
        UUID vdi = StorageApi.vdi(sr, MIB);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        for (String[] call : new String[][] {{"PUT", "/api/v1/vdis/" + vdi + "/content?format=raw", "application/octet-stream"},
                {"POST", "/api/v1/vdis", "application/json"}}) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + call[1]))
                    .header("Authorization", "Bearer " + StorageApi.ADMIN_TOKEN).header("Content-Type", call[2])
                    .method(call[0], java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(new byte[4096])))
                    .build();
            java.net.http.HttpResponse<String> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(call[1] + " " + response.body() + response.headers().map()).isEqualTo(411);
            assertThat(response.body()).contains("LENGTH_REQUIRED");
        }
    }

    private List<String> qcow2FilesUnchecked() {
        try {
            return qcow2Files();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] export(UUID vdi, String format) {
        return given().auth().oauth2(StorageApi.ADMIN_TOKEN).get("/api/v1/vdis/" + vdi + "/content?format=" + format)
                .then().statusCode(200).extract().asByteArray();
    }

    private List<String> hiddenBases() {
        return asAdmin().get("/api/v1/vdis?sr=" + sr).then().extract().jsonPath().getList("findAll { !it.managed }.id");
    }

    private List<String> qcow2Files() throws Exception {
        try (Stream<Path> files = Files.list(srPath)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".qcow2")).sorted().toList();
        }
    }

    private static UUID id(String text) {
        return UUID.fromString(text);
    }
}
