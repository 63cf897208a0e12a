package org.xenplane.server;

import static org.xenplane.server.SimulatedDiskHost.admin;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * One round of a disk operation racing a VM start: a new halted VM with one read-write disk, the
 * disk operation and {@code POST /vms/{id}/start} released at the same moment from two threads,
 * both followed to their final task state, then what is left: the VM, its VBD, the VDI and its file.
 */
final class DiskRace {
    /** A request's final answer: the HTTP status, and for a task its final status; the error code if any. */
    record Answer(int status, String taskStatus, String code, String resultId) {
        boolean succeeded() {
            return status < 300 && (taskStatus == null || "success".equals(taskStatus));
        }

        static Answer of(Response r) {
            String code = r.statusCode() >= 400 ? r.jsonPath().getString("code") : null;
            if (r.statusCode() != 202) {
                return new Answer(r.statusCode(), null, code, null);
            }
            JsonPath task = SimulatedDiskHost.awaitTask(r.jsonPath().getString("id"));
            return new Answer(202, task.getString("status"), task.getString("error.code"), task.getString("result.id"));
        }

        @Override
        public String toString() {
            return status + (taskStatus == null ? "" : " " + taskStatus) + (code == null ? "" : " " + code);
        }
    }

    /**
     * What a round left. {@code domainDisks}: the disk devices of the VM's domain on the host;
     * {@code domainLeft}: whether the host still runs a domain of the VM once the round removed it.
     */
    record Outcome(Answer start, Answer other, String powerState, boolean vbdExists, boolean vbdAttached,
                   boolean vdiExists, long vdiSize, boolean fileExists, List<String> domainDisks, boolean domainLeft) {
        boolean startRunsWithDisk() {
            return start.succeeded() && "running".equals(powerState) && vbdAttached && !domainDisks.isEmpty();
        }

        @Override
        public String toString() {
            return "start " + start + ", other " + other + ", VM " + powerState + ", VBD " + (vbdExists ? "exists" : "gone")
                    + (vbdAttached ? " attached" : "") + ", VDI " + (vdiExists ? vdiSize + " bytes" : "gone")
                    + ", file " + (fileExists ? "exists" : "gone") + ", domain disks " + domainDisks
                    + (domainLeft ? ", a domain left after the VM was removed" : "");
        }
    }

    private DiskRace() {
    }

    /** Runs one round; {@code other} sends the disk operation on the VDI. */
    static Outcome run(SimulatedDiskHost host, DomainDisks domains, ExecutorService threads, Function<UUID, Response> other) {
        UUID[] made = host.vmWithDisk("race-" + UUID.randomUUID());
        UUID vm = made[0];
        UUID vdi = made[1];
        UUID vbd = made[2];
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Response> otherCall = CompletableFuture.supplyAsync(() -> {
            await(go);
            return other.apply(vdi);
        }, threads);
        CompletableFuture<Response> startCall = CompletableFuture.supplyAsync(() -> {
            await(go);
            return admin().body(Map.of()).post("/api/v1/vms/" + vm + "/start");
        }, threads);
        go.countDown();
        Answer otherAnswer = Answer.of(otherCall.join());
        Answer startAnswer = Answer.of(startCall.join());
        String power = admin().get("/api/v1/vms/" + vm).then().statusCode(200).extract().path("powerState");
        Response vbdNow = admin().get("/api/v1/vbds/" + vbd);
        Response vdiNow = admin().get("/api/v1/vdis/" + vdi);
        Outcome outcome = new Outcome(startAnswer, otherAnswer, power, vbdNow.statusCode() == 200,
                vbdNow.statusCode() == 200 && vbdNow.jsonPath().getBoolean("currentlyAttached"),
                vdiNow.statusCode() == 200, vdiNow.statusCode() == 200 ? vdiNow.jsonPath().getLong("virtualSize") : 0,
                Files.exists(host.file(vdi)), domains.of(vm), false);
        host.remove(vm);
        return new Outcome(outcome.start(), outcome.other(), outcome.powerState(), outcome.vbdExists(), outcome.vbdAttached(),
                outcome.vdiExists(), outcome.vdiSize(), outcome.fileExists(), outcome.domainDisks(), domains.exists(vm));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
