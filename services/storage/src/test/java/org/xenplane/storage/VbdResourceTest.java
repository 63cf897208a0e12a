package org.xenplane.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;
import static org.xenplane.storage.StorageApi.awaitTask;
import static org.xenplane.storage.StorageApi.getVdi;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * VBDs and the storage halves of VM operations: attach and detach at VM start and stop (the
 * read-write exclusion, under races), CD drives, and a VM's set of disks cloned or destroyed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VbdResourceTest {
    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;

    private RealDaemon daemon;
    private UUID sr;
    private UUID host;

    @BeforeEach
    void fileSrOnHost1() {
        daemon = RealDaemon.start(credentials, em);
        host = daemon.host(1);
        sr = StorageApi.fileSr(host, daemon.newSrPath());
    }

    @Test
    void twoVmsStartingWithTheSameReadWriteVdiAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID vdi = StorageApi.vdi(sr, MIB);
            UUID vmA = UUID.randomUUID();
            UUID vmB = UUID.randomUUID();
            StorageApi.vbd(vmA, vdi, 0, "RW");
            StorageApi.vbd(vmB, vdi, 0, "RW");
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Response>> starts = new ArrayList<>();
            for (UUID vm : List.of(vmA, vmB)) {
                starts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return asAdmin().body(Map.of("vmId", vm, "hostId", host)).post("/api/v1/vbds/attach-vm");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Response> start : starts) {
                Response r = start.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertThat(r.jsonPath().getString("code")).isEqualTo("VDI_IN_USE");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            long attached = asAdmin().get("/api/v1/vbds?vdi=" + vdi).then().extract().jsonPath()
                    .getList("findAll { it.currentlyAttached }").size();
            assertThat(attached).isEqualTo(1);
        }
    }

    @Test
    void attachAnswersWhatTheHypervisorOpensAndDetachReleasesTheVdi() {
        UUID vdi = StorageApi.vdi(sr, MIB);
        UUID vm = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        StorageApi.vbd(vm, vdi, 0, "RW");
        UUID cd = UUID.fromString(asAdmin().body(Map.of("vmId", vm, "userdevice", 3, "type", "CD")).post("/api/v1/vbds")
                .then().statusCode(201).body("empty", equalTo(true)).body("mode", equalTo("RO")).extract().path("id"));
        JsonPath disks = asAdmin().body(Map.of("vmId", vm, "hostId", host)).post("/api/v1/vbds/attach-vm")
                .then().statusCode(200).extract().jsonPath();
        assertThat(disks.getList("device")).containsExactly("xvda", "xvdd");
        assertThat(disks.getString("[0].path")).endsWith(vdi + ".qcow2");
        assertThat(disks.getString("[0].format")).isEqualTo("qcow2");
        assertThat(disks.getString("[1].path")).isNull();
        asAdmin().body(Map.of("vmId", vm, "hostId", host)).post("/api/v1/vbds/attach-vm").then().statusCode(200);

        StorageApi.vbd(other, vdi, 0, "RO");
        asAdmin().body(Map.of("vmId", other, "hostId", host)).post("/api/v1/vbds/attach-vm")
                .then().statusCode(409).body("code", equalTo("VDI_IN_USE")).body("parameters.vm", equalTo(vm.toString()));
        asAdmin().delete("/api/v1/vdis/" + vdi).then().statusCode(409).body("code", equalTo("VDI_IN_USE"));
        assertThat(getVdi(vdi).getList("allowedOperations", String.class)).doesNotContain("destroy", "snapshot", "resize");
        asAdmin().delete("/api/v1/vbds/" + cd).then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));

        asAdmin().body(Map.of("vmId", vm)).post("/api/v1/vbds/detach-vm").then().statusCode(200)
                .body("currentlyAttached", equalTo(List.of(false, false)));
        asAdmin().body(Map.of("vmId", other, "hostId", host)).post("/api/v1/vbds/attach-vm").then().statusCode(200);
    }

    @Test
    void readOnlyAttachmentsShareAVdiAndAReadOnlyVdiRefusesReadWrite() {
        UUID vdi = StorageApi.vdi(sr, MIB);
        UUID snapshot = UUID.fromString(asAdmin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/snapshot")
                .then().statusCode(201).extract().path("id"));
        asAdmin().body(Map.of("vmId", UUID.randomUUID(), "vdiId", snapshot, "userdevice", 0, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(409).body("code", equalTo("VDI_READ_ONLY"));
        for (int i = 0; i < 2; i++) {
            UUID vm = UUID.randomUUID();
            StorageApi.vbd(vm, vdi, 1, "RO");
            asAdmin().body(Map.of("vmId", vm, "hostId", host)).post("/api/v1/vbds/attach-vm").then().statusCode(200);
        }
    }

    @Test
    void aSlotIsTakenOnceAndADiskNeedsAVdi() {
        UUID vm = UUID.randomUUID();
        StorageApi.vbd(vm, StorageApi.vdi(sr, MIB), 0, "RW");
        asAdmin().body(Map.of("vmId", vm, "vdiId", StorageApi.vdi(sr, MIB), "userdevice", 0, "mode", "RW"))
                .post("/api/v1/vbds").then().statusCode(409).body("code", equalTo("DEVICE_ALREADY_EXISTS"));
        asAdmin().body(Map.of("vmId", vm, "userdevice", 1, "type", "Disk")).post("/api/v1/vbds")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        asAdmin().body(Map.of("vmId", vm, "userdevice", 16)).post("/api/v1/vbds").then().statusCode(400);
        asAdmin().body(Map.of("vmId", vm, "userdevice", 2, "type", "Floppy")).post("/api/v1/vbds").then().statusCode(400);
        asAdmin().body(Map.of("vmId", vm, "userdevice", 2, "type", "CD", "mode", "RW")).post("/api/v1/vbds").then().statusCode(400);
    }

    @Test
    void aVbdIsHotPluggedOnlyIntoARunningVm() {
        UUID vm = UUID.randomUUID(); // this process has no VM service: no VM runs here
        UUID vbd = StorageApi.vbd(vm, StorageApi.vdi(sr, MIB), 0, "RW");
        asAdmin().post("/api/v1/vbds/" + vbd + "/plug").then().statusCode(409)
                .body("code", equalTo("VM_BAD_POWER_STATE")).body("parameters.expected", equalTo("running"));
        asAdmin().post("/api/v1/vbds/" + vbd + "/unplug").then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
        asAdmin().get("/api/v1/vbds/" + vbd).then().body("currentlyAttached", equalTo(false));
    }

    @Test
    void cdMediaAreInsertedAndEjectedAlsoWhileTheDriveIsAttached() {
        UUID iso = StorageApi.vdi(sr, MIB);
        UUID vm = UUID.randomUUID();
        UUID cd = UUID.fromString(asAdmin().body(Map.of("vmId", vm, "userdevice", 3, "type", "CD")).post("/api/v1/vbds")
                .then().statusCode(201).extract().path("id"));
        asAdmin().post("/api/v1/vbds/" + cd + "/eject").then().statusCode(409).body("code", equalTo("VBD_IS_EMPTY"));
        asAdmin().body(Map.of("vmId", vm, "hostId", host)).post("/api/v1/vbds/attach-vm").then().statusCode(200);
        asAdmin().body(Map.of("vdiId", iso)).post("/api/v1/vbds/" + cd + "/insert").then().statusCode(200)
                .body("path", org.hamcrest.Matchers.endsWith(iso + ".qcow2")).body("empty", equalTo(false));
        asAdmin().body(Map.of("vdiId", iso)).post("/api/v1/vbds/" + cd + "/insert").then().statusCode(409)
                .body("code", equalTo("VBD_NOT_EMPTY"));
        asAdmin().post("/api/v1/vbds/" + cd + "/eject").then().statusCode(200).body("empty", equalTo(true));
        UUID disk = StorageApi.vbd(vm, StorageApi.vdi(sr, MIB), 0, "RW");
        asAdmin().body(Map.of("vdiId", iso)).post("/api/v1/vbds/" + disk + "/insert").then().statusCode(409)
                .body("code", equalTo("VBD_NOT_REMOVABLE_MEDIA"));
    }

    @Test
    void attachOnAHostWhereTheSrIsNotPluggedIsSrNotAttached() {
        UUID vm = UUID.randomUUID();
        StorageApi.vbd(vm, StorageApi.vdi(sr, MIB), 0, "RW");
        asAdmin().body(Map.of("vmId", vm, "hostId", daemon.host(2))).post("/api/v1/vbds/attach-vm")
                .then().statusCode(409).body("code", equalTo("SR_NOT_ATTACHED"));
        assertThat(asAdmin().get("/api/v1/vbds?vm=" + vm).then().extract().jsonPath().getBoolean("[0].currentlyAttached")).isFalse();
    }

    @Test
    void aVmsDisksAreSnapshottedForANewVmAndDestroyedWithTheVm() {
        UUID vm = UUID.randomUUID();
        UUID disk = StorageApi.vdi(sr, MIB);
        StorageApi.vbd(vm, disk, 0, "RW");
        Map<String, Object> cd = new HashMap<>(Map.of("vmId", vm, "userdevice", 3, "type", "CD"));
        asAdmin().body(cd).post("/api/v1/vbds").then().statusCode(201);
        UUID snapshotVm = UUID.randomUUID();
        String task = asAdmin().body(Map.of("vmId", vm, "newVmId", snapshotVm, "mode", "snapshot"))
                .post("/api/v1/vbds/clone-vm").then().statusCode(202).extract().path("id");
        assertThat(awaitTask(task).getString("status")).isEqualTo("success");
        JsonPath slots = asAdmin().get("/api/v1/vbds?vm=" + snapshotVm).then().extract().jsonPath();
        assertThat(slots.getList("device")).containsExactly("xvda", "xvdd");
        UUID snapDisk = UUID.fromString(slots.getString("[0].vdiId"));
        assertThat(getVdi(snapDisk).getString("snapshotOf")).isEqualTo(disk.toString());

        UUID cloneVm = UUID.randomUUID();
        String clone = asAdmin().body(Map.of("vmId", vm, "newVmId", cloneVm, "mode", "clone"))
                .post("/api/v1/vbds/clone-vm").then().statusCode(202).extract().path("id");
        assertThat(awaitTask(clone).getString("status")).isEqualTo("success");

        asAdmin().body(Map.of("vmId", cloneVm, "destroyDisks", true)).post("/api/v1/vbds/destroy-vm").then().statusCode(204);
        assertThat(asAdmin().get("/api/v1/vbds?vm=" + cloneVm).then().extract().jsonPath().getList("id")).isEmpty();
        asAdmin().body(Map.of("vmId", vm, "destroyDisks", true)).post("/api/v1/vbds/destroy-vm").then().statusCode(204);
        asAdmin().get("/api/v1/vdis/" + disk).then().statusCode(404);
        assertThat(getVdi(snapDisk).getInt("chainDepth")).as("the snapshot outlives its VM's disk").isEqualTo(1);
    }
}
