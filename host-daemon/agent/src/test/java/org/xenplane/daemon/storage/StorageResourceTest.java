package org.xenplane.daemon.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.FakeControlPlaneResource;
import org.xenplane.daemon.InjectFakeControlPlane;
import org.xenplane.daemon.link.Memberships;

/** The daemon's storage API over HTTP, on a {@code file} SR in a temporary directory, with the real qemu-img. */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class StorageResourceTest {
    private static final String HOST = "/daemon/v1/hosts/sim-host-1";
    private static final long MIB = 1024 * 1024;

    @InjectFakeControlPlane
    FakeControlPlane controlPlane;

    @Inject
    Memberships memberships;

    private String credential;
    private UUID sr;
    private Map<String, Object> spec;

    @BeforeEach
    void attachedFileSr() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> memberships.of("sim-host-1").isJoined());
        credential = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_1).controlPlaneCredential();
        sr = UUID.randomUUID();
        Path dir = Files.createTempDirectory("xenplane-sr");
        spec = Map.of("type", "file", "deviceConfig", Map.of("path", dir.resolve("sr").toString()));
        api().body(spec).post(HOST + "/srs/" + sr + "/create").then().statusCode(204);
        api().body(spec).post(HOST + "/srs/" + sr + "/attach").then().statusCode(200)
                .body("physicalSize", org.hamcrest.Matchers.greaterThan(0L));
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + credential).contentType(ContentType.JSON);
    }

    @Test
    void volumesAreCreatedForkedAndListedAndARepeatedOperationIdRunsOnce() {
        UUID vol = UUID.randomUUID();
        api().header("Xenplane-Operation-Id", "op-1").body(Map.of("virtualSize", 8 * MIB))
                .put(HOST + "/srs/" + sr + "/volumes/" + vol).then().statusCode(200)
                .body("virtualSize", equalTo((int) (8 * MIB))).body("parentId", nullValue());
        UUID base = UUID.randomUUID();
        UUID leaf = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            api().header("Xenplane-Operation-Id", "op-2").body(Map.of("baseId", base, "leafId", leaf))
                    .post(HOST + "/srs/" + sr + "/volumes/" + vol + "/fork").then().statusCode(200)
                    .body("leaf.parentId", equalTo(base.toString()))
                    .body("original.parentId", equalTo(base.toString()));
        }
        api().get(HOST + "/srs/" + sr + "/volumes").then().statusCode(200).body("volumes", hasSize(3));
    }

    @Test
    void importThenExportOverHttpIsByteIdentical() {
        UUID vol = UUID.randomUUID();
        api().body(Map.of("virtualSize", 2 * MIB)).put(HOST + "/srs/" + sr + "/volumes/" + vol).then().statusCode(200);
        byte[] data = new byte[(int) (2 * MIB)];
        new Random(7).nextBytes(data);
        given().header("Authorization", "Bearer " + credential).contentType("application/octet-stream").body(data)
                .put(HOST + "/srs/" + sr + "/volumes/" + vol + "/content?format=raw").then().statusCode(200)
                .body("virtualSize", equalTo((int) (2 * MIB)));
        byte[] exported = given().header("Authorization", "Bearer " + credential)
                .get(HOST + "/srs/" + sr + "/volumes/" + vol + "/content?format=raw").then().statusCode(200)
                .extract().asByteArray();
        assertThat(exported).isEqualTo(data);
    }

    @Test
    void anUploadLargerThanTheVolumeIsRefusedWithVdiTooSmall() {
        UUID vol = UUID.randomUUID();
        api().body(Map.of("virtualSize", MIB)).put(HOST + "/srs/" + sr + "/volumes/" + vol).then().statusCode(200);
        given().header("Authorization", "Bearer " + credential).contentType("application/octet-stream")
                .body(new byte[(int) (2 * MIB)])
                .put(HOST + "/srs/" + sr + "/volumes/" + vol + "/content?format=raw").then().statusCode(400)
                .body("code", equalTo("VDI_TOO_SMALL"));
    }

    @Test
    void callsOnAnSrThatIsNotAttachedAnswerSrNotAttached() {
        api().post(HOST + "/srs/" + sr + "/detach").then().statusCode(204);
        api().get(HOST + "/srs/" + sr + "/volumes").then().statusCode(409).body("code", equalTo("SR_NOT_ATTACHED"));
    }

    @Test
    void unknownDriversBadConfigAndBadIdsAreRefusedWithCodes() {
        api().body(Map.of("type", "zfs", "deviceConfig", Map.of())).post(HOST + "/srs/" + UUID.randomUUID() + "/create")
                .then().statusCode(400).body("code", equalTo("SR_UNKNOWN_DRIVER"));
        api().body(Map.of("type", "file", "deviceConfig", Map.of("path", "/tmp/../etc")))
                .post(HOST + "/srs/" + UUID.randomUUID() + "/create")
                .then().statusCode(400).body("code", equalTo("SR_DEVICE_CONFIG_INVALID"));
        api().body(Map.of("virtualSize", MIB)).put(HOST + "/srs/" + sr + "/volumes/..%2F..%2Fetc%2Fpasswd")
                .then().statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(404)));
        api().get(HOST + "/srs/" + sr + "/volumes/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("VDI_MISSING"));
    }

    @Test
    void storageCallsNeedTheHostsControlPlaneCredential() {
        given().get(HOST + "/srs/" + sr + "/volumes").then().statusCode(401);
    }
}
