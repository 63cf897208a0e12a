package org.xenplane.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.testing.EmbeddedPostgresResource;

/** SR create, introduce, forget, destroy and PBD plug and unplug, through the real daemon. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SrResourceTest {
    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;

    private RealDaemon daemon;

    @BeforeEach
    void daemon() {
        daemon = RealDaemon.start(credentials, em);
    }

    @Test
    void aSharedSrIsPluggedOnEveryHost() {
        Path path = daemon.newSrPath();
        JsonPath sr = asAdmin().body(Map.of("name", "shared", "type", "file", "shared", true,
                        "deviceConfig", Map.of("path", path.toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().jsonPath();
        assertThat(sr.getList("pbds")).hasSize(2);
        JsonPath pbds = asAdmin().get("/api/v1/pbds?sr=" + sr.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(pbds.getList("hostId")).containsExactlyInAnyOrder(daemon.host(1).toString(), daemon.host(2).toString());
        assertThat(pbds.getList("currentlyAttached")).containsOnly(true);
        UUID vdi = StorageApi.vdi(UUID.fromString(sr.getString("id")), MIB);
        UUID vm = UUID.randomUUID();
        StorageApi.vbd(vm, vdi, 0, "RW");
        asAdmin().body(Map.of("vmId", vm, "hostId", daemon.host(2))).post("/api/v1/vbds/attach-vm").then().statusCode(200);
    }

    @Test
    void repairGivesASharedSrAPbdOnHostsThatJoinedLaterAndPlugsUnpluggedOnes() {
        String sr = asAdmin().body(Map.of("name", "shared", "type", "file", "shared", true,
                "deviceConfig", Map.of("path", daemon.newSrPath().toString()))).post("/api/v1/srs").then().statusCode(201)
                .extract().path("id");
        JsonPath pbds = asAdmin().get("/api/v1/pbds?sr=" + sr).then().extract().jsonPath();
        String onHost1 = pbds.getString("find { it.hostId == '" + daemon.host(1) + "' }.id");
        String onHost2 = pbds.getString("find { it.hostId == '" + daemon.host(2) + "' }.id");
        asAdmin().post("/api/v1/pbds/" + onHost1 + "/unplug").then().statusCode(200);
        asAdmin().post("/api/v1/pbds/" + onHost2 + "/unplug").then().statusCode(200);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> // as if host 2 had joined after the SR
                em.createNativeQuery("delete from pbd where id = ?1").setParameter(1, UUID.fromString(onHost2)).executeUpdate());
        asAdmin().post("/api/v1/srs/" + sr + "/repair").then().statusCode(200).body("pbds.size()", equalTo(2));
        JsonPath repaired = asAdmin().get("/api/v1/pbds?sr=" + sr).then().extract().jsonPath();
        assertThat(repaired.getList("hostId")).containsExactlyInAnyOrder(daemon.host(1).toString(), daemon.host(2).toString());
        assertThat(repaired.getList("currentlyAttached")).containsOnly(true);
    }

    @Test
    void forgetNeedsUnpluggedPbdsAndIntroduceBringsTheVdisBack() {
        Path path = daemon.newSrPath();
        UUID sr = StorageApi.fileSr(daemon.host(1), path);
        UUID vdi = StorageApi.vdi(sr, MIB);
        StorageApi.vdi(sr, 2 * MIB);
        asAdmin().post("/api/v1/srs/" + sr + "/forget").then().statusCode(409).body("code", equalTo("SR_HAS_PBDS_ATTACHED"));
        UUID vm = UUID.randomUUID();
        StorageApi.vbd(vm, vdi, 0, "RW");
        asAdmin().body(Map.of("vmId", vm, "hostId", daemon.host(1))).post("/api/v1/vbds/attach-vm").then().statusCode(200);
        String pbd = asAdmin().get("/api/v1/pbds?sr=" + sr).then().extract().path("[0].id");
        asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(409).body("code", equalTo("VDI_IN_USE"));
        asAdmin().body(Map.of("vmId", vm)).post("/api/v1/vbds/detach-vm").then().statusCode(200);
        asAdmin().body(Map.of("vmId", vm, "destroyDisks", false)).post("/api/v1/vbds/destroy-vm").then().statusCode(204);
        asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(200).body("currentlyAttached", equalTo(false));
        asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
        asAdmin().body(Map.of("srId", sr, "name", "x", "virtualSize", MIB)).post("/api/v1/vdis")
                .then().statusCode(409).body("code", equalTo("SR_HAS_NO_PBDS"));
        asAdmin().post("/api/v1/srs/" + sr + "/forget").then().statusCode(204);
        asAdmin().get("/api/v1/vdis/" + vdi).then().statusCode(404);
        assertThat(path.resolve(vdi + ".qcow2")).exists();

        asAdmin().body(Map.of("id", sr, "name", "again", "type", "file", "hostId", daemon.host(1),
                "deviceConfig", Map.of("path", path.toString()))).post("/api/v1/srs/introduce").then().statusCode(201);
        assertThat(asAdmin().get("/api/v1/vdis?sr=" + sr).then().extract().jsonPath().getList("virtualSize", Long.class))
                .containsExactlyInAnyOrder(MIB, 2 * MIB);
        assertThat(asAdmin().get("/api/v1/srs/" + sr).then().extract().jsonPath().getLong("virtualAllocation")).isEqualTo(3 * MIB);
    }

    @Test
    void destroyWipesTheVolumesOfAnUnpluggedSr() {
        Path path = daemon.newSrPath();
        UUID sr = StorageApi.fileSr(daemon.host(1), path);
        UUID vdi = StorageApi.vdi(sr, MIB);
        asAdmin().delete("/api/v1/srs/" + sr).then().statusCode(409).body("code", equalTo("SR_HAS_PBDS_ATTACHED"));
        String pbd = asAdmin().get("/api/v1/pbds?sr=" + sr).then().extract().path("[0].id");
        asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(200);
        asAdmin().delete("/api/v1/srs/" + sr).then().statusCode(204);
        assertThat(path.resolve(vdi + ".qcow2")).doesNotExist();
        asAdmin().get("/api/v1/srs/" + sr).then().statusCode(404);
        asAdmin().get("/api/v1/pbds/" + pbd).then().statusCode(404);
    }

    @Test
    void badTypesDeviceConfigsAndHostsAreRefusedWithCodes() {
        UUID host = daemon.host(1);
        expect(Map.of("name", "x", "type", "zfs", "hostId", host, "deviceConfig", Map.of()), 400, "SR_UNKNOWN_DRIVER");
        for (String bad : List.of("relative", "/", "/srv/../etc", "/srv//x", "/srv/a b", "/srv/x;rm")) {
            expect(Map.of("name", "x", "type", "file", "hostId", host, "deviceConfig", Map.of("path", bad)),
                    400, "SR_DEVICE_CONFIG_INVALID");
        }
        expect(Map.of("name", "x", "type", "file", "hostId", host, "deviceConfig", Map.of()), 400, "SR_DEVICE_CONFIG_INVALID");
        expect(Map.of("name", "x", "type", "file", "hostId", host, "deviceConfig", Map.of("path", "/srv/x", "owner", "me")),
                400, "SR_DEVICE_CONFIG_INVALID");
        expect(Map.of("name", "x", "type", "lvm", "hostId", host, "deviceConfig", Map.of("device", "/etc/passwd")),
                400, "SR_DEVICE_CONFIG_INVALID");
        expect(Map.of("name", "x", "type", "lvm", "shared", true, "deviceConfig", Map.of("device", "/dev/sdb")), 400, "INVALID_FIELD");
        expect(Map.of("name", "x", "type", "nfs", "shared", false, "hostId", host,
                "deviceConfig", Map.of("server", "nas", "serverpath", "/x")), 400, "INVALID_FIELD");
        expect(Map.of("name", "x", "type", "file", "deviceConfig", Map.of("path", "/srv/x")), 400, "INVALID_FIELD");
        expect(Map.of("name", "x", "type", "file", "hostId", UUID.randomUUID(), "deviceConfig", Map.of("path", "/srv/x")),
                404, "HANDLE_INVALID");
        Map<String, Object> introduce = new HashMap<>(Map.of("name", "x", "type", "file", "hostId", host,
                "deviceConfig", Map.of("path", daemon.newSrPath().toString())));
        asAdmin().body(introduce).post("/api/v1/srs/introduce").then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        assertThat(asAdmin().get("/api/v1/srs").then().extract().jsonPath().getList("name")).doesNotContain("x");
    }

    @Test
    void aSecondFileSrOverAnExistingOneIsRefused() {
        Path path = daemon.newSrPath();
        StorageApi.fileSr(daemon.host(1), path);
        expect(Map.of("name", "second", "type", "file", "hostId", daemon.host(1), "deviceConfig", Map.of("path", path.toString())),
                400, "SR_DEVICE_CONFIG_INVALID");
    }

    /**
     * A directory holding someone else's images is not taken by introduce (nothing is recorded, no
     * marker is left); adopting it (sr.adopt, a pool-admin's action) makes its images the SR's VDIs.
     */
    @Test
    void imagesOfNoSrAreTakenOnlyByAnAdoption() throws Exception {
        Path foreign = Files.createDirectories(daemon.newSrPath());
        UUID image = UUID.randomUUID();
        Process qemuImg = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2",
                foreign.resolve(image + ".qcow2").toString(), Long.toString(MIB)).inheritIO().start();
        assertThat(qemuImg.waitFor()).isZero();
        UUID sr = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", sr, "name", "theirs", "type", "file", "hostId", daemon.host(1),
                "deviceConfig", Map.of("path", foreign.toString()));

        asAdmin().body(body).post("/api/v1/srs/introduce").then().statusCode(400)
                .body("code", equalTo("SR_DEVICE_CONFIG_INVALID"))
                .body("detail", org.hamcrest.Matchers.containsString("sr.adopt"));
        asAdmin().get("/api/v1/srs/" + sr).then().statusCode(404);
        assertThat(foreign.resolve(".xenplane-sr")).doesNotExist();

        asAdmin().body(body).post("/api/v1/srs/adopt").then().statusCode(201);
        assertThat(asAdmin().get("/api/v1/vdis?sr=" + sr).then().extract().jsonPath().getList("id"))
                .containsExactly(image.toString());
    }

    @Test
    void systemDirectoriesAreNeverAnSr() {
        for (String system : List.of("/etc/xenplane-sr", "/usr/share/sr", "/boot/sr", "/proc/sr")) {
            asAdmin().body(Map.of("name", "x", "type", "file", "hostId", daemon.host(1), "deviceConfig",
                            Map.of("path", system))).post("/api/v1/srs").then().statusCode(400)
                    .body("code", equalTo("SR_DEVICE_CONFIG_INVALID"))
                    .body("detail", org.hamcrest.Matchers.containsString("system directory"));
            assertThat(Path.of(system)).as(system).doesNotExist();
        }
    }

    @Test
    void anLvmSrIsAVolumeGroupOnALoopDevice() throws Exception {
        Path image = daemon.root.resolve(UUID.randomUUID() + ".img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(64 * MIB);
        }
        Process losetup = new ProcessBuilder("losetup", "-f", "--show", image.toString()).start();
        String loop = new String(losetup.getInputStream().readAllBytes()).trim();
        assertThat(losetup.waitFor()).as("losetup (run as root)").isZero();
        try {
            JsonPath sr = asAdmin().body(Map.of("name", "lvm", "type", "lvm", "hostId", daemon.host(1),
                    "deviceConfig", Map.of("device", loop))).post("/api/v1/srs").then().statusCode(201).extract().jsonPath();
            assertThat(sr.getLong("physicalSize")).isBetween(48 * MIB, 64 * MIB);
            UUID srId = UUID.fromString(sr.getString("id"));
            if (!Files.exists(Path.of("/sys/class/misc/device-mapper"))) {
                asAdmin().body(Map.of("srId", srId, "name", "x", "virtualSize", MIB)).post("/api/v1/vdis")
                        .then().statusCode(502).body("code", equalTo("SR_BACKEND_FAILURE"));
                assertThat(asAdmin().get("/api/v1/vdis?sr=" + srId).then().extract().jsonPath().getList("id")).isEmpty();
                System.out.println("LVM gap: no device-mapper in this kernel; the lvm SR's volume group was created on "
                        + loop + " for real, VDI creation failed cleanly (SR_BACKEND_FAILURE, no record)");
            } else {
                StorageApi.vdi(srId, MIB);
            }
            String pbd = asAdmin().get("/api/v1/pbds?sr=" + srId).then().extract().path("[0].id");
            asAdmin().post("/api/v1/pbds/" + pbd + "/unplug").then().statusCode(200);
            asAdmin().delete("/api/v1/srs/" + srId).then().statusCode(204);
        } finally {
            new ProcessBuilder("losetup", "-d", loop).start().waitFor();
        }
    }

    private static void expect(Map<String, Object> body, int status, String code) {
        asAdmin().body(body).post("/api/v1/srs").then().statusCode(status).body("code", equalTo(code));
    }
}
